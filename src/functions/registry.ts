// The registry of SEND functions: one entry per function, its metadata next to its implementation (specs/*.ts).
// Excel (functions.ts via excel.ts), HyperFormula (headless/plugin.ts) and the task pane all go through it,
// by way of wrapper.ts, so both hosts compute the same thing from the same code.
import type { Args } from "./args";
import { ALLOCATE, ALLOCATEALL, BREAKDOWN, COMPARE } from "./specs/allocation";
import { APPRAISE } from "./specs/appraise";
import { REGISTER } from "./specs/register";
import { DEFICIT, FIT, PAYBACK, PROJECT } from "./specs/budget";
import { FORECAST } from "./specs/forecast";
import { BAND, CHECK, FACTORS, TOPUP } from "./specs/lookup";
import { PLAN } from "./specs/plan";
import { SUFFICIENCY } from "./specs/sufficiency";
import { shapeOf, type FunctionSpec, type Size } from "./spec";

export type { FunctionSpec, ParamSpec, ParamType, Result, Size } from "./spec";
export { helpUrl, shapeOf, isGrid, widthOf, HELP_BASE } from "./spec";

export const NAMESPACE = "SEND";

/** In the order the README and the task pane list them. */
export const REGISTRY: readonly FunctionSpec[] = [
  ALLOCATE,
  BREAKDOWN,
  ALLOCATEALL,
  TOPUP,
  BAND,
  COMPARE,
  FIT,
  DEFICIT,
  PROJECT,
  PLAN,
  PAYBACK,
  FORECAST,
  SUFFICIENCY,
  APPRAISE,
  REGISTER,
  FACTORS,
  CHECK,
];

const BY_NAME = new Map(REGISTRY.map((s) => [s.name, s]));

/** A spec by name: "ALLOCATE", "allocate" or "SEND.ALLOCATE". */
export function specOf(name: string): FunctionSpec | undefined {
  const exact = BY_NAME.get(name); // both hosts name a function as the registry does, on every call
  if (exact !== undefined) return exact;
  const n = name.trim().toUpperCase();
  return BY_NAME.get(n.startsWith(`${NAMESPACE}.`) ? n.slice(NAMESPACE.length + 1) : n);
}

/**
 * How many cells a matrix result occupies. A spec may give a cheap `size` (FACTORS); otherwise the size is the
 * shape of the result itself, which is exact by construction — including 1 × 1 when the formula fails as a whole,
 * so a failing spill never covers (or is blocked by) its neighbours. Runs are cheap: rates tables and header rows
 * are cached by content, and hosts ask for a size only when a formula is entered or its shape changes.
 */
export function sizeOf(spec: FunctionSpec, args: Args): Size {
  if (spec.result === "scalar") return { rows: 1, cols: 1 };
  return spec.size ? spec.size(args) : shapeOf(spec.run(args));
}
