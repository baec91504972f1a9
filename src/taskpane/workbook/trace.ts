// How the pane shows an engine trace: amounts in £ with thousands separators, rates in their key's
// unit, a share ("notional.be = 5%") written inside each line it multiplies instead of a £0 line of
// its own, and steps that add nothing folded away. Display only: the engine's trace is unchanged.
import { findKeyInfo } from "../../engine/keys";
import type { Explanation } from "../ports/WorkbookPort";
import { formatInUnit, formatMoney, formatPercent } from "../numbers";

type Line = Explanation["lines"][number];

export interface TraceRow {
  component: string;
  label: string;
  key: string;
  from: string;
  rate: string;
  count: string;
  amount: string;
}

const num = (s: string | undefined) =>
  s === undefined || s.trim() === "" || Number.isNaN(Number(s)) ? null : Number(s);
const plain = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 6 });

function show(l: Line, shares: Map<string, string>): TraceRow {
  let label = l.label;
  for (const [key, pct] of shares) if (label.includes(key)) label = label.split(key).join(`${key} (${pct})`);
  const rate = num(l.rate);
  const count = num(l.count);
  const amount = num(l.amount);
  const unit = l.key ? (findKeyInfo(l.key)?.unit ?? "") : "";
  return {
    component: l.component,
    label,
    key: l.key ?? "",
    from: l.from ?? "",
    rate: rate === null ? (l.rate ?? "") : formatInUnit(rate, unit),
    count: count === null ? (l.count ?? "") : plain.format(count),
    amount: amount === null ? l.amount : formatMoney(amount),
  };
}

/** A share line: "share of be counted as notional SEN" with the fraction as its rate and no amount of its own. */
const isShare = (l: Line) => /^notional\./i.test(l.key ?? "") && /^share of /i.test(l.label) && num(l.rate) !== null;

export function presentTrace(lines: readonly Line[]): { shown: TraceRow[]; zero: TraceRow[] } {
  const shares = new Map<string, string>();
  for (const l of lines) if (isShare(l)) shares.set(l.key!, formatPercent(num(l.rate)!, 2).replace(/\.?0+%$/, "%"));
  const shown: TraceRow[] = [];
  const zero: TraceRow[] = [];
  for (const l of lines) {
    if (isShare(l) && num(l.amount) === 0) continue;
    const row = show(l, shares);
    if (l.component !== "Total" && num(l.amount) === 0) zero.push(row);
    else shown.push(row);
  }
  return { shown, zero };
}
