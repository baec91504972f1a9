// Charts for the HTML report: Vega-Lite specs compiled to Vega and rendered to SVG in Node (no browser,
// no network: data are inline values). vega and vega-lite are ESM-only, hence the dynamic imports; this
// module therefore runs under Node (the CLI), not inside jest's CommonJS module system.
import type { TopLevelSpec } from "vega-lite";
import type { ReportData } from "./data";

const FONT = "Segoe UI, Helvetica, Arial, sans-serif";
const CONFIG = {
  font: FONT,
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
  legend: { labelFontSize: 11, labelLimit: 0, orient: "bottom", columns: 2 },
} as const;
// "fit" keeps axes, titles and the legend inside the SVG's own box, so nothing is clipped when CSS scales it
const AUTOSIZE = { type: "fit", contains: "padding" } as const;
const millions = (v: number | null) => (v === null ? null : Math.round(v / 10000) / 100);

export function phaseTotalsSpec(d: ReportData): TopLevelSpec {
  const values = d.phases.flatMap((p) =>
    d.options.map((o, j) => ({ phase: p.phase, option: o, m: millions(p.totals[j]) })),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Totals by phase and option (£m)",
    width: 640,
    height: 260,
    autosize: AUTOSIZE,
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      x: { field: "phase", type: "nominal", sort: d.phases.map((p) => p.phase), title: null, axis: { labelAngle: 0 } },
      xOffset: { field: "option", type: "nominal", sort: d.options },
      y: { field: "m", type: "quantitative", title: "£m" },
      color: { field: "option", type: "nominal", sort: d.options, title: "Option" },
    },
    config: CONFIG,
  } as TopLevelSpec;
}

export function winnersLosersSpec(d: ReportData): TopLevelSpec {
  const values = d.comparisons.flatMap((c) => [
    { candidate: c.candidate, outcome: "Gain", n: c.gainers },
    { candidate: c.candidate, outcome: "No change", n: c.unchanged },
    { candidate: c.candidate, outcome: "Loss", n: c.losers },
  ]);
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Institutions gaining and losing against the Baseline",
    width: 400,
    // a step per bar: a fixed total height under "fit" left the bars none once title, axis and legend took theirs
    height: { step: 32 },
    autosize: { type: "pad" },
    data: { values },
    mark: { type: "bar", tooltip: true },
    encoding: {
      y: { field: "candidate", type: "nominal", title: null, sort: d.comparisons.map((c) => c.candidate) },
      x: { field: "n", type: "quantitative", title: "Institutions", stack: "zero" },
      color: {
        field: "outcome",
        type: "nominal",
        title: "Outcome",
        sort: ["Gain", "No change", "Loss"],
        scale: { domain: ["Gain", "No change", "Loss"], range: ["#2a9d8f", "#c9c9c9", "#e76f51"] },
      },
      order: { field: "outcome", sort: "ascending" },
    },
    config: CONFIG,
  } as TopLevelSpec;
}

export function projectionSpec(d: ReportData): TopLevelSpec {
  const values = d.projection.flatMap((p) =>
    p.rows.map((r) => ({ plan: p.plan, year: String(r.year), m: millions(r.cumulative) })),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Projected cumulative high-needs balance (£m; negative = deficit)",
    width: 560,
    height: 260,
    autosize: AUTOSIZE,
    data: { values },
    layer: [
      {
        mark: { type: "line", point: true, tooltip: true },
        encoding: {
          x: { field: "year", type: "ordinal", title: "Financial year", axis: { labelAngle: 0 } },
          y: { field: "m", type: "quantitative", title: "£m" },
          color: { field: "plan", type: "nominal", title: "Plan", sort: d.projection.map((p) => p.plan) },
        },
      },
      { mark: { type: "rule", color: "#555", strokeDash: [4, 3] }, encoding: { y: { datum: 0 } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

/** Compiles Vega-Lite to Vega and renders SVG headlessly; the markup is ready to inline in HTML. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vl = await import("vega-lite");
  const vega = await import("vega");
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  const svg = await view.toSVG();
  view.finalize();
  // inline SVG in HTML needs no namespace declarations; dropping them keeps the report free of URLs
  return svg.replace(/\s+xmlns(:xlink)?="[^"]*"/g, "");
}
