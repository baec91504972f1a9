// The demo's demand sheets: a REAL local authority's published EHC plan history (shipped in src/data/ehcp), its
// live SEND.FORECAST, fan chart data and sufficiency against planned places, and a projection whose pupils come
// from that forecast. Only the history is real; capacity, costs, grant and levers are SYNTHETIC like the rest.
import { HISTORY_SOURCE, historyTable } from "../data/ehcp";
import { demandSheet, projectionSheet, type DemandLayout, type Rows } from "../model";
import { colLetters, parseRangeOrThrow, sheetRef } from "../util/a1";
import { MONEY_FORMAT, type SheetFormat } from "../headless/io/format";
import { DEMAND_PLANS } from "./rates";

/** Gloucestershire: 4,854 plans in January 2022, about the size of the synthetic county. */
export const DEMAND_LA = { code: "E10000013", name: "Gloucestershire" } as const;
export const DEMAND_HORIZON = 3;
export const DEMAND_SHEETS = { demand: "Demand", projection: "Demand projection" } as const;

export interface DemoDemand {
  sheets: { name: string; cells: Rows; format: SheetFormat }[];
  layout: DemandLayout;
}

function lastValue(history: Rows, header: string): number {
  const j = history[0].indexOf(header);
  return Number(history[history.length - 1][j]);
}

export function demoDemandSheets(ratesRef: string): DemoDemand {
  const history = historyTable(DEMAND_LA.code);
  if (!history) throw new Error(`the shipped history has no ${DEMAND_LA.code}`);
  const last = Number(history[history.length - 1][0]);
  // SYNTHETIC capacity: today's special and ISP numbers as places, 40 new special places from the second year
  const special = lastValue(history, "Special");
  const layout = demandSheet({
    title: `Demand: ${DEMAND_LA.name} (${DEMAND_LA.code})`,
    source:
      `REAL published history of ${DEMAND_LA.name}: ${HISTORY_SOURCE.replace(/;.*$/, "")}. ` +
      "The capacity rows, and every cost on the Demand projection sheet, are SYNTHETIC.",
    history,
    horizon: DEMAND_HORIZON,
    coverage: 0.8,
    overflow: true,
    capacity: [
      { breakdown: "Special", year: last + 1, places: special },
      { breakdown: "Special", year: last + 2, places: special + 40 },
      { breakdown: "ISP", year: last + 1, places: lastValue(history, "ISP") },
    ],
  });
  const proj = projectionSheet({
    ratesRef,
    options: DEMAND_PLANS,
    years: DEMAND_HORIZON,
    forecastRef: sheetRef(DEMAND_SHEETS.demand, layout.forecast),
    historyRef: sheetRef(DEMAND_SHEETS.demand, layout.historyAbs),
  });
  const width = proj.rows[0].length;
  const label =
    `Pupils: the live SEND.FORECAST of ${DEMAND_LA.name}'s REAL published EHC plan history (sheet ${DEMAND_SHEETS.demand}). ` +
    "Costs, grant and levers: SYNTHETIC (Rates, options Demand unmitigated and Demand mitigated).";
  const projRows: Rows = [[label, ...Array(width - 1).fill(null)], ...proj.rows.map((r) => [...r])];
  // money columns of each block (Income..Cumulative), data rows only: row 3 is the spill's header (row 1 is the label)
  const moneyCols = proj.blocks.map((b) => {
    const r = parseRangeOrThrow(b.spill);
    return { range: `${colLetters(r.left + 1)}4:${colLetters(r.right)}${DEMAND_HORIZON + 3}`, format: MONEY_FORMAT };
  });
  const h = parseRangeOrThrow(layout.history);
  return {
    layout,
    sheets: [
      {
        name: DEMAND_SHEETS.demand,
        cells: layout.rows,
        format: {
          headerRows: 0,
          numFmts: layout.counts.map((range) => ({ range, format: "#,##0" })),
          bold: [
            "A1",
            `A${h.top - 1}:${colLetters(h.right + 6)}${h.top - 1}`,
            `A${h.top}:${colLetters(h.right)}${h.top}`,
          ],
        },
      },
      { name: DEMAND_SHEETS.projection, cells: projRows, format: { headerRows: 3, numFmts: moneyCols } },
    ],
  };
}
