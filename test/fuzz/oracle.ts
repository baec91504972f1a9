// The properties every SEND call must have, whatever it is given, and the bookkeeping of what the fuzzing reached.
import { isSendError, SendError, type ErrorKind } from "../../src/engine/errors";
import { COMPONENTS, type OutCell } from "../../src/engine/types";
import { isGrid, shapeOf, specOf, type Result } from "../../src/functions/registry";
import { coerceArgs, invoke, resultSize, type HostValue } from "../../src/functions/wrapper";
import { MAX_MS } from "./config";

export const KINDS: readonly ErrorKind[] = ["#VALUE!", "#N/A", "#NUM!"];

/** A cell as a host shows it: a value, blank, or an error kind with the message the host shows (if any). */
export type ShownCell = number | string | boolean | null | { error: string; message?: string };

/**
 * A result as a sheet shows it: always a rectangle (a whole-formula error or a scalar is 1 × 1). Messages as the
 * host shows them: HyperFormula every message, Excel those of #VALUE! and #N/A only (excel.ts: it shows none for
 * #NUM!).
 */
export function shown(result: Result, messages: "all" | "excel" = "all"): ShownCell[][] {
  const withMessage = (e: SendError) => messages === "all" || e.kind !== "#NUM!";
  const cell = (c: OutCell): ShownCell =>
    isSendError(c) ? (withMessage(c) ? { error: c.kind, message: c.message } : { error: c.kind }) : c === "" ? null : c;
  if (!isGrid(result)) return [[cell(result)]];
  const { rows, cols } = shapeOf(result);
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(result[r]?.[c] ?? null)));
}

/** Whether a message names what is at fault: a quoted name, an argument of the function, or a row/key/option. */
function namesSomething(message: string, params: readonly string[]): boolean {
  if (/'[^']+'/.test(message) || /SEND\.[A-Z]+/.test(message)) return true;
  if (params.some((p) => message.includes(p))) return true;
  return /\b(row|column|option|key|header|rate|inheritance|band)\b/i.test(message);
}

function problem(what: string): never {
  throw new Error(what);
}

function checkError(e: SendError, params: readonly string[], where: string): void {
  if (!KINDS.includes(e.kind)) problem(`${where}: error kind ${e.kind} is not one of ${KINDS.join(", ")}`);
  if (typeof e.message !== "string" || e.message.trim() === "") problem(`${where}: ${e.kind} without a message`);
  if (/failed unexpectedly/.test(e.message)) problem(`${where}: an internal error reached the user: ${e.message}`);
  if (!namesSomething(e.message, params)) problem(`${where}: the message names nothing: ${e.message}`);
}

function checkCell(c: unknown, params: readonly string[], where: string): void {
  if (c === null || typeof c === "string" || typeof c === "boolean") return;
  if (typeof c === "number") {
    if (!Number.isFinite(c)) problem(`${where}: ${c} is not a finite number`);
    if (Object.is(c, -0)) problem(`${where}: a negative zero`);
    return;
  }
  if (c instanceof SendError) return checkError(c, params, where);
  problem(`${where}: ${String(c)} (${typeof c}) is not a cell value`);
}

/** Shape rules of particular functions' successful results (contract section 5). */
function checkShape(name: string, r: Result): void {
  if (!isGrid(r)) {
    if (name === "CHECK" && r !== "OK") problem(`SEND.CHECK returned the scalar ${String(r)}, not OK`);
    return;
  }
  const width = r.length === 0 ? 0 : r[0].length;
  r.forEach((row, i) => {
    if (row.length !== width) problem(`row ${i + 1} has ${row.length} cells, row 1 has ${width}: not a rectangle`);
  });
  const want: Record<string, number> = {
    BREAKDOWN: 3,
    ALLOCATEALL: 1,
    COMPARE: 5,
    PROJECT: 5,
    DEFICIT: 2,
    FACTORS: 4,
    CHECK: 3,
    FORECAST: 5,
  };
  if (want[name] !== undefined && r.length > 0 && width !== want[name])
    problem(`SEND.${name} spilled ${width} columns, not ${want[name]}`);
  if (name === "BREAKDOWN") {
    const labels = r.map((row) => row[0]);
    const expected = [...COMPONENTS.map((c) => c.name), "Total"];
    if (JSON.stringify(labels) !== JSON.stringify(expected))
      problem(`SEND.BREAKDOWN rows are ${JSON.stringify(labels)}`);
  }
  if (name === "COMPARE" && (r.length < 2 || r[0][0] !== "Name" || r[r.length - 1][0] !== "Total"))
    problem("SEND.COMPARE lacks its header or Total row");
  if (name === "PROJECT" && (r.length < 2 || r[0][0] !== "Year")) problem("SEND.PROJECT lacks its header row or years");
  if (name === "FORECAST" && (r.length < 2 || r[0].join("|") !== "Year|Breakdown|Low|Central|High"))
    problem("SEND.FORECAST lacks its header row or years");
  if (name === "PLAN" && (r.length < 2 || r[0][0] !== "Line")) problem("SEND.PLAN lacks its header row of years");
}

/** The shown results compare equal (values, blanks, error kinds and messages). */
export function sameShown(a: ShownCell[][], b: ShownCell[][]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface Stats {
  cases: number;
  /** got past the wrapper's argument checks (coerceArgs gave arguments, not an error) */
  coerced: number;
  /** not a whole-formula error */
  ok: number;
  /** holding at least one number */
  numeric: number;
  errors: Record<string, number>;
  cellErrors: number;
  /** the slowest call: CPU and wall-clock milliseconds */
  maxCpuMs: number;
  maxWallMs: number;
}

const STATS = new Map<string, Stats>();

export function statsOf(name: string): Stats {
  let s = STATS.get(name);
  if (!s)
    STATS.set(
      name,
      (s = { cases: 0, coerced: 0, ok: 0, numeric: 0, errors: {}, cellErrors: 0, maxCpuMs: 0, maxWallMs: 0 }),
    );
  return s;
}

function hasNumber(r: Result): boolean {
  return isGrid(r) ? r.some((row) => row.some((c) => typeof c === "number")) : typeof r === "number";
}

/**
 * A call's cost: wall-clock and CPU milliseconds. The guard is on CPU time (this process's user + system), so
 * other work on a busy machine does not fail it; the summary shows both.
 */
function timed<T>(fn: () => T): [T, { wall: number; cpu: number }] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const v = fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [v, { wall, cpu: (c.user + c.system) / 1000 }];
}

/**
 * Calls SEND.<name> through the wrapper and checks every property: it returns (never throws) a value or contract
 * errors with messages that name something; no NaN, ±Infinity or -0 anywhere; a rectangle of the function's width;
 * the spill size the hosts reserve equals the result's shape; a second call (cached tables) gives the same;
 * each call well under `maxMs` of CPU time (a second). Returns the result for host comparisons.
 */
export function checkCall(name: string, args: readonly (HostValue | undefined)[], maxMs = MAX_MS): Result {
  const spec = specOf(name)!;
  const params = spec.parameters.map((p) => p.name);
  const host = args as HostValue[];
  let result: Result;
  let cost: { wall: number; cpu: number };
  try {
    [result, cost] = timed(() => invoke(name, host));
  } catch (e) {
    return problem(`SEND.${name} threw: ${e instanceof Error ? e.stack : String(e)}`);
  }
  const [size, sizeCost] = timed(() => resultSize(name, host));
  const again = invoke(name, host);
  const s = statsOf(name);
  s.cases++;
  if (!(coerceArgs(spec, host) instanceof SendError)) s.coerced++;
  s.maxCpuMs = Math.max(s.maxCpuMs, cost.cpu, sizeCost.cpu);
  s.maxWallMs = Math.max(s.maxWallMs, cost.wall, sizeCost.wall);
  const cpu = Math.max(cost.cpu, sizeCost.cpu);
  if (cpu >= maxMs)
    problem(
      `SEND.${name} took ${Math.round(cpu)} ms of CPU (${Math.round(Math.max(cost.wall, sizeCost.wall))} ms wall)`,
    );

  if (isSendError(result)) {
    checkError(result, params, `SEND.${name}`);
    s.errors[result.kind] = (s.errors[result.kind] ?? 0) + 1;
  } else if (isGrid(result)) {
    s.ok++;
    result.forEach((row, i) =>
      row.forEach((c, j) => {
        checkCell(c, params, `SEND.${name} cell ${i + 1},${j + 1}`);
        if (isSendError(c)) s.cellErrors++;
      }),
    );
  } else {
    s.ok++;
    checkCell(result, params, `SEND.${name}`);
  }
  if (!isSendError(result)) checkShape(name, result);
  if (hasNumber(result)) s.numeric++;

  const shape = shapeOf(result);
  if (size.rows !== shape.rows || size.cols !== shape.cols) {
    problem(`SEND.${name}: size() says ${size.rows} × ${size.cols}, the result is ${shape.rows} × ${shape.cols}`);
  }
  if (JSON.stringify(again) !== JSON.stringify(result)) problem(`SEND.${name}: a second call gave another result`);
  return result;
}

/** One summary line for the README: cases per function, how many got through, the slowest call. */
export function summary(label: string, seed: number): string {
  const parts = [...STATS.entries()].map(
    ([name, s]) =>
      `${name} ${s.cases} (${pct(s.coerced, s.cases)} past argument checks, ${pct(s.ok, s.cases)} values, ${pct(s.numeric, s.cases)} numeric, slowest ${s.maxCpuMs.toFixed(0)} ms CPU / ${s.maxWallMs.toFixed(0)} ms wall)`,
  );
  const total = [...STATS.values()].reduce((n, s) => n + s.cases, 0);
  return `fuzz ${label} (seed ${seed}): ${total} cases: ${parts.join("; ")}`;
}

function pct(n: number, d: number): string {
  return d === 0 ? "-" : `${Math.round((100 * n) / d)}%`;
}
