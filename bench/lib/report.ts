// One bench table, printed and written to bench/results.json.
export interface BenchRow {
  /** scenario number in the spec (1-5) */
  id: string;
  scenario: string;
  measure: string;
  value: number | null;
  unit: string;
  /** how the target reads, e.g. "≤ 10" */
  target?: string;
  /** true/false against the target; null = informational */
  pass?: boolean | null;
  note?: string;
}

function fmt(v: number | null, unit: string): string {
  if (v === null || !Number.isFinite(v)) return "n/a";
  if (unit === "×") return `${v.toFixed(v < 10 ? 2 : 1)}×`;
  if (unit === "ms") return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(v < 10 ? 2 : 1)} ms`;
  if (unit === "µs") return `${v.toFixed(2)} µs`;
  if (unit === "MB") return `${v.toFixed(0)} MB`;
  return `${v} ${unit}`;
}

export function renderTable(rows: BenchRow[]): string {
  const head = ["#", "Scenario", "Measure", "Value", "Target", "Result"];
  const body = rows.map((r) => [
    r.id,
    r.scenario,
    r.measure,
    fmt(r.value, r.unit),
    r.target ?? "",
    r.pass === true ? "PASS" : r.pass === false ? "FAIL" : r.target ? "n/a" : "",
  ]);
  const w = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 3 ? c.padStart(w[i]) : c.padEnd(w[i])))
      .join(" | ")
      .trimEnd();
  const notes = rows.filter((r) => r.note).map((r) => `  [${r.id}] ${r.measure}: ${r.note}`);
  return [
    line(head),
    w.map((x) => "-".repeat(x)).join("-|-"),
    ...body.map(line),
    ...(notes.length ? ["", "Notes:", ...notes] : []),
  ].join("\n");
}
