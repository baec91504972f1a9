// The self-contained HTML report: one file, inline CSS and inline SVG charts, no scripts, no requests.
import { BASELINE } from "../rates";
import type { ChangeRow, ReportData } from "./data";
import { changeSentence, valueInWords } from "../../model/optionChanges";
import { fitMethodText } from "../../model/paperText";

export interface ReportCharts {
  phases: string;
  winners: string;
  projection: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const gbp = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });
const money = (v: number | null) => (v === null ? "error" : gbp.format(v));
const pct = (v: number | null) => (v === null ? "" : `${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)}%`);
const signed = (v: number | null) => (v === null ? "error" : `${v > 0 ? "+" : ""}${gbp.format(v)}`);

function table(head: string[], rows: string[][], numericFrom = 1): string {
  const th = head.map((h, i) => `<th${i >= numericFrom ? ' class="n"' : ""}>${esc(h)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${r.map((c, i) => `<td${i >= numericFrom ? ' class="n"' : ""}>${esc(c)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function changeTable(rows: ChangeRow[], candidate: string): string {
  if (rows.length === 0) return "<p>None.</p>";
  return table(
    ["Institution", "Phase", BASELINE, candidate, "Change", "%"],
    rows.map((r) => [r.name, r.phase, money(r.a), money(r.b), signed(r.difference), pct(r.change)]),
    2,
  );
}

const CSS = `
body{font-family:"Segoe UI",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:70rem;color:#1d1d1d;line-height:1.4;padding:0 1rem}
h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:2px solid #ddd;padding-bottom:.2rem}
.synthetic{background:#fff3cd;border:1px solid #e0c36a;padding:.6rem .9rem;border-radius:4px;font-weight:600}
table{border-collapse:collapse;margin:.6rem 0 1rem;font-size:.9rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e3e3e3;text-align:left}
th{background:#f4f4f4}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}tr.total td{font-weight:700;border-top:2px solid #999}
figure{margin:1rem 0;max-width:100%}figcaption{font-size:.85rem;color:#555}.problems{color:#a00}
figure svg{max-width:100%;height:auto;overflow:visible}
@page{size:A4 portrait;margin:14mm 12mm}
@media print{
body{margin:0;max-width:none;padding:0;font-size:10pt}
h2{break-after:avoid;page-break-after:avoid}h3,h4{break-after:avoid}
figure,table,.keep{break-inside:avoid;page-break-inside:avoid}
table{font-size:8.5pt;width:100%}th,td{padding:.15rem .35rem}
.synthetic{background:none;border:1px solid #999}
}
`;

export function reportHtml(d: ReportData, charts: ReportCharts): string {
  const optionsHead = ["Phase", "Institutions", ...d.options];
  const phaseRows = d.phases.map((p) => [p.phase, String(p.institutions), ...p.totals.map(money)]);
  const totalRow = ["Total", String(d.phases.reduce((s, p) => s + p.institutions, 0)), ...d.totals.map(money)];
  const base = d.totals[0];
  const changeRow = [
    "Change vs " + BASELINE,
    "",
    ...d.totals.map((t) =>
      t === null || base === null ? "error" : `${signed(t - base)} (${pct(base ? (t - base) / base : null)})`,
    ),
  ];
  const memoRows = d.memo.map((m) => [m.label, "", ...m.totals.map(money)]);
  const allRow = ["All blocks (SEND.ALLOCATEALL Total)", "", ...d.allBlocks.map(money)];
  const phasesTable = table(optionsHead, [...phaseRows, totalRow, changeRow], 1).replace(
    /<tr><td>Total<\/td>/,
    '<tr class="total"><td>Total</td>',
  );
  const memoTable = table(["Other funding streams (memo)", "", ...d.options], [...memoRows, allRow], 1);

  const winners = d.comparisons
    .map(
      (c) => `
<h3>${esc(BASELINE)} vs ${esc(c.candidate)}</h3>
<p>${c.gainers} institutions gain, ${c.losers} lose, ${c.unchanged} are unchanged${c.errors ? `, ${c.errors} show an error` : ""}.
High Needs total ${money(c.total.a)} → ${money(c.total.b)} (${signed(c.total.difference)}).</p>
<h4>Largest gains</h4>${changeTable(c.biggestGains, c.candidate)}
<h4>Largest losses</h4>${changeTable(c.biggestLosses, c.candidate)}`,
    )
    .join("\n");

  const years = d.projection[0]?.rows.map((r) => String(r.year)) ?? [];
  const projRows = years.map((y, i) => [
    y,
    ...d.projection.flatMap((p) => [money(p.rows[i]?.inYear ?? null), money(p.rows[i]?.cumulative ?? null)]),
  ]);
  const projTable = table(
    ["Year", ...d.projection.flatMap((p) => [`${p.plan}: in-year`, `${p.plan}: cumulative`])],
    projRows,
  );

  const f = d.fit;
  const fitText = `Fitting the High Needs amounts of "${esc(f.candidate)}" for mainstream schools to the ${esc(BASELINE)} mainstream High Needs budget of ${money(f.budget)}
(before fitting: ${money(f.before)}; after: ${money(f.fitted)}), no school losing more than ${pct(f.floor === null ? null : Math.abs(f.floor)).replace("+", "")} or gaining more than ${pct(f.cap).replace("+", "")}:
${f.gaining ?? "?"} schools gain and ${f.losing ?? "?"} lose.`;

  const fitMethod = `<p>${esc(fitMethodText(BASELINE))}${f.before !== null && f.fitted !== null && f.before !== 0 ? ` Here the total moves by ${pct((f.fitted - f.before) / f.before)}.` : ""}</p>`;

  const changes = d.changes
    .map(
      (c) => `<div class="keep">
<h3>${esc(c.option)}${c.inherits ? ` <small>(starts from ${esc(c.inherits)})</small>` : ""}</h3>
${
  c.changes.length === 0
    ? `<p>No changes: every rate is the same as ${esc(c.inherits ?? "the national rates")}.</p>`
    : `<ul>${c.changes.map((x) => `<li>${esc(changeSentence(x))}</li>`).join("")}</ul>`
}
</div>`,
    )
    .join("\n");

  const assumptionsTable =
    d.assumptions.rows.length === 0
      ? "<p>No projection assumptions are set.</p>"
      : table(
          ["Assumption", ...d.assumptions.plans],
          d.assumptions.rows.map((r) => [r.label, ...r.values.map((v) => valueInWords(v, r.unit))]),
        );

  const problems = d.problems.length
    ? `<h2>Cells with errors</h2><ul class="problems">${d.problems
        .slice(0, 50)
        .map((p) => `<li>${esc(p)}</li>`)
        .join("")}</ul>`
    : "";

  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>SEND Funding Modeller: demo report (SYNTHETIC data)</title>
<style>${CSS}</style>
</head>
<body>
<h1>SEND Funding Modeller: demo report</h1>
<p class="synthetic">SYNTHETIC DATA. A made-up large county (${d.institutions} institutions): no row is a real school, provider or council, and local rates are illustrative. Every number below was read from the recalculated demo workbook (send-model-demo.xlsx).</p>

<h2>What each option changes</h2>
<p>Each option starts from the option named beside it and changes only the rates listed (the earlier value in brackets).</p>
${changes}

<h2>High Needs spend by option and phase</h2>
<p>Every total is High Needs block spend (place funding, top-ups, early intervention). Notional SEN (Schools block money
already inside school budgets), FE element 1 (ESFA 16-19 money, not DSG) and early years DAF/SENIF (Early Years block) are
memo lines below, never added in. High Needs + memo lines ${d.reconciles ? "reconcile" : "DO NOT reconcile"} to the all-block total.</p>
${phasesTable}
${memoTable}
<figure>${charts.phases}<figcaption>High Needs spend per phase for each option, from the Summary sheet.</figcaption></figure>

<h2>Winners and losers</h2>
<figure>${charts.winners}<figcaption>Counts from the Compare sheet (SEND.COMPARE of High Needs spend against the ${esc(BASELINE)}).</figcaption></figure>
${winners}

<h2>Fitting to the budget</h2>
<p>${fitText}</p>
${fitMethod}

<h2>Projected high-needs balance</h2>
<figure>${charts.projection}<figcaption>Cumulative balance from the Projection sheet (SEND.PROJECT) for both plans.</figcaption></figure>
${projTable}
<h3>Assumptions behind the projection</h3>
${assumptionsTable}
${problems}
<p><small>Generated by send-model demo. Recalculate the workbook with <code>send-model recalc</code> or in Excel with the add-in loaded.</small></p>
</body>
</html>
`;
}
