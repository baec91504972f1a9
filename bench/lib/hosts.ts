// The parts of the project other helpers are still writing, loaded only if they are there, so the bench
// runs (and says what it fell back to) at every stage: the custom-function wrapper, the headless
// HyperFormula host and the demo workbook builder.
import type { Cell } from "../../src/engine/types";

export type HostValue = Cell | readonly (readonly Cell[])[];
export type Invoke = (name: string, args: readonly HostValue[]) => unknown;

function tryRequire<T>(path: string): T | null {
  try {
    return require(path) as T;
  } catch (e) {
    if (process.env.BENCH_DEBUG) console.error(`bench: cannot load ${path}:`, (e as Error).message);
    return null;
  }
}

/** wrapper.ts's invoke (every SEND.* call goes through it), or null when not written yet. */
export function loadInvoke(): Invoke | null {
  const m = tryRequire<{ invoke?: Invoke }>("../../src/functions/wrapper");
  return m && typeof m.invoke === "function" ? m.invoke : null;
}

/** cache.ts's clearCaches, so a measurement can start cold when it wants to. */
export function loadClearCaches(): (() => void) | null {
  const m = tryRequire<{ clearCaches?: () => void }>("../../src/functions/memory");
  return m?.clearCaches ?? null;
}

export function loadModule<T>(path: string): T | null {
  return tryRequire<T>(path);
}
