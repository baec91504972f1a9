// The report file: charts rendered to SVG (Vega-Lite -> Vega -> SVG) inlined into the HTML page.
import { phaseTotalsSpec, projectionSpec, renderSvg, winnersLosersSpec } from "./charts";
import type { ReportData } from "./data";
import { reportHtml } from "./html";

export async function renderReport(d: ReportData): Promise<string> {
  const [phases, winners, projection] = await Promise.all([
    renderSvg(phaseTotalsSpec(d)),
    renderSvg(winnersLosersSpec(d)),
    renderSvg(projectionSpec(d)),
  ]);
  return reportHtml(d, { phases, winners, projection });
}
