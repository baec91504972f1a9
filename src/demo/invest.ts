// The demo's SYNTHETIC commissioning register (SEND.REGISTER) and invest-to-save appraisal (SEND.APPRAISE).
// Every placement is made up; fees echo the domain brief's £54k-£64k average independent special school costs.
import { MONEY_FORMAT, PERCENT_FORMAT, type SheetFormat } from "../headless/io/format";
import type { RawCell, Rows } from "../model";

export const REGISTER_SHEET = "Register";
export const APPRAISAL_SHEET = "Appraisal";
const FIRST_YEAR = 2025;
const YEARS = 6;

const PLACEMENTS: RawCell[][] = [
  ["Provider", "Location", "Fee", "Uplift", "Education", "Care", "Health", "Start", "End", "Review"],
  ...Array.from({ length: 24 }, (_, i): RawCell[] => {
    const out = i % 3 !== 0;
    const fee = 52000 + ((i * 7919) % 30) * 1000; // £52k-£81k a year
    const edu = i % 5 === 0 ? 0.6 : i % 4 === 0 ? 0.8 : 1;
    const care = edu === 1 ? 0 : Math.round((1 - edu) * 0.75 * 100) / 100;
    const health = Math.round((1 - edu - care) * 100) / 100;
    const start = `${2021 + (i % 5)}-${String(1 + ((i * 5) % 12)).padStart(2, "0")}-01`;
    const end = i % 6 === 5 ? `${2026 + (i % 3)}-07-31` : null;
    const review = `${2025 + (i % 3)}-${String(1 + ((i * 7) % 12)).padStart(2, "0")}-15`;
    return [
      `SYNTHETIC provider ${String.fromCharCode(65 + (i % 12))}${i >= 12 ? 2 : 1}`,
      out ? "Out of county" : "In county",
      fee,
      0.03,
      edu,
      care,
      health,
      start,
      end,
      review,
    ];
  }),
];

export interface DemoSheetOut {
  name: string;
  cells: Rows;
  format: SheetFormat;
}

export function registerSheet(): DemoSheetOut {
  const n = PLACEMENTS.length;
  const rows: Rows = [
    ["SYNTHETIC commissioning register: made-up independent and out-of-county placements (not real providers)"],
    ...PLACEMENTS.map((r) => [...r]),
  ];
  const top = n + 3;
  rows.push([]);
  rows.push(["Planned local place (place funding + top-up), a year", 27220]);
  rows.push([`=SEND.REGISTER(A2:J${n + 1},${FIRST_YEAR},${YEARS},B${top})`]);
  return {
    name: REGISTER_SHEET,
    cells: rows,
    format: {
      headerRows: 2,
      widths: { A: 52 },
      numFmts: [
        { range: `C3:C${n + 1}`, format: MONEY_FORMAT },
        { range: `D3:G${n + 1}`, format: PERCENT_FORMAT },
        { range: `B${top}`, format: MONEY_FORMAT },
        { range: `E${top + 2}:H${top + 1 + YEARS}`, format: MONEY_FORMAT },
        { range: `J${top + 2}:J${top + 1 + YEARS}`, format: MONEY_FORMAT },
      ],
    },
  };
}

const COUNT_FORMAT = "#,##0";
const FACTOR_FORMAT = "0.0000";
const YEARS_FORMAT = '0.00 "years"';

/** Inputs in cells (editable), SEND.APPRAISE beneath; 25 places a year is the Mitigated plan's proj.shift. */
export function appraisalSheet(): DemoSheetOut {
  const inputs: [string, RawCell][] = [
    ["New special places (the Mitigated plan moves 25 ISP placements a year: proj.shift)", 25],
    ["Capital per place (Oxfordshire: 300 places for £15m); not DSG money", 50000],
    ["Place funding per place a year", 10000],
    ["Top-up per place a year (SYNTHETIC special band 6)", 17220],
    ["Avoided ISP fee a year (SYNTHETIC demo average)", 61000],
    ["Opening year (1 = next year)", 2],
    ["Discount rate (Green Book STPR)", 0.035],
    ["Years appraised", 10],
  ];
  const rows: Rows = [
    ["SYNTHETIC invest-to-save appraisal: new special places against ISP placements"],
    ...inputs.map(([a, b]) => [a, b]),
  ];
  rows.push(["Fill ramp (share of places filled, by year from opening)", 0.6]);
  rows.push([null, 1]);
  const at = rows.length + 2;
  rows.push([]);
  rows.push(["=SEND.APPRAISE(B2,B3,B4,B5,B6,B10:B11,B7,B8,B9)"]);
  return {
    name: APPRAISAL_SHEET,
    cells: rows,
    format: {
      headerRows: 1,
      widths: { A: 70 },
      // each number by its unit: places and years are counts, the discount factor a ratio, payback in years
      numFmts: [
        { range: "B2", format: COUNT_FORMAT },
        { range: "B3:B6", format: MONEY_FORMAT },
        { range: "B7", format: COUNT_FORMAT },
        { range: "B8", format: PERCENT_FORMAT },
        { range: "B9", format: COUNT_FORMAT },
        { range: "B10:B11", format: PERCENT_FORMAT },
        { range: `A${at + 1}:B${at + 11}`, format: COUNT_FORMAT },
        { range: `C${at + 1}:D${at + 11}`, format: MONEY_FORMAT },
        { range: `E${at + 1}:E${at + 11}`, format: FACTOR_FORMAT },
        { range: `F${at + 1}:G${at + 11}`, format: MONEY_FORMAT },
        { range: `B${at + 12}`, format: MONEY_FORMAT },
        { range: `B${at + 13}`, format: YEARS_FORMAT },
        { range: `B${at + 14}:B${at + 16}`, format: MONEY_FORMAT },
      ],
    },
  };
}
