// Shared sheets for the per-function specs: a small rates table with two options (Option B inherits Baseline)
// and an institutions table, with every expected amount worked by hand in the comments.
import { HeadlessWorkbook, type CellResult, type RawCell } from "../../../src/headless";

/*
 * Baseline / Option B (Option B inherits Baseline; its own cells: round.to 1, be.primary, topup.special.band1,
 * ei.sensupport). Row numbers are sheet rows (the header is row 1).
 */
export const RATES: RawCell[][] = [
  ["Factor", "Description", "Baseline", "Option B", "Notes"],
  [null, "General", null, null, null],
  ["inherits", "Parent option", null, "Baseline", null],
  ["round.to", "Rounding unit", 0.01, 1, null],
  [null, "Notional SEN", null, null, null],
  ["be.primary", "Basic entitlement", 3000, 3100.33, "B: uplift"],
  ["fsm.primary", "FSM", 500, null, null],
  ["notional.be", "Share", 0.05, null, null],
  ["notional.fsm", "Share", 0.1, null, null],
  [null, "Places", null, null, null],
  ["place.special", "Special place", 10000, null, null],
  ["place.rb.occupied", "RB occupied", 6000, null, null],
  ["place.rb.unoccupied", "RB unoccupied", 10000, null, null],
  [null, "Top-up", null, null, null],
  ["topup.special.band1", "Special band 1", 5000, 5500, null],
  ["topup.special.band2", "Special band 2", 8000, null, null],
  ["topup.all.band1", "Any setting band 1", 2000, null, null],
  ["topup.mainstream.band2", "Mainstream band 2", 3000, null, null],
  ["band.1", "Lowest score, band 1", 0, null, null],
  ["band.2", "Lowest score, band 2", 10, null, null],
  ["band.3", "Lowest score, band 3", 20, null, null],
  ["ei.sensupport", "Early intervention", 100, 150, null],
  [null, "Projection", null, null, null],
  ["proj.start", "First year", 2025, null, null],
  ["proj.years", "Years", 3, null, null],
  ["proj.opening", "Opening balance", -1000000, null, null],
  ["proj.grant", "Grant", 50000000, null, null],
  ["proj.grant.growth", "Grant growth", 0.03, null, null],
  ["proj.special.count", "Special pupils", 500, null, null],
  ["proj.special.cost", "Special cost", 25000, null, null],
  ["proj.inflation", "Inflation", 0.02, null, null],
  ["proj.other", "Other spend", 40000000, null, null],
];

export const HEADER: RawCell[] = [
  "Name",
  "Phase",
  "Primary Pupils",
  "FSM",
  "SEN Support",
  "EHCP Band 1",
  "EHCP Band 2",
  "Places",
  "Occupied",
  "Months",
  "URN",
];

/*
 * Baseline totals:
 *  Alpha (Primary): notional 0.05×200×3000 + 0.1×30×500 = 31,500; top-up 2×2000 (topup.all) + 1×3000 = 7,000;
 *                   early intervention 10×100 = 1,000 -> 39,500.
 *  Beta (Special):  places 20×10,000 = 200,000; top-up 5×5000 + 10×8000 = 105,000 -> 305,000.
 *  Gamma (RB):      places 8×6000 + 2×10,000 = 68,000; top-up 8×2000 (topup.all) = 16,000 -> 84,000.
 *  Delta (Special, 6 months): 12×10,000 × 6/12 = 60,000.
 * Option B (whole pounds): Alpha notional 0.05×200×3100.33 + 1,500 = 32,503.3 -> 32,503; EI 10×150 = 1,500;
 *                   total 32,503 + 7,000 + 1,500 = 41,003. Beta top-up 5×5500 + 80,000 = 107,500 -> 307,500.
 *                   Gamma and Delta as Baseline.
 */
export const INSTITUTIONS: RawCell[][] = [
  HEADER,
  ["Alpha", "Primary", 200, 30, 10, 2, 1, null, null, null, 100001],
  ["Beta", "Special", null, null, null, 5, 10, 20, null, null, 100002],
  ["Gamma", "Resource Base", null, null, null, 8, null, 10, 8, null, 100003],
  ["Delta", "Special", null, null, null, null, null, 12, null, 6, 100004],
];

export const BASELINE = { Alpha: 39500, Beta: 305000, Gamma: 84000, Delta: 60000 };
export const OPTION_B = { Alpha: 41003, Beta: 307500, Gamma: 84000, Delta: 60000 };

export const RATES_REF = "Rates!$A$1:$E$40";
export const TABLE_REF = "Inst!$A$1:$K$5";
export const FIELDS_REF = "Inst!$A$1:$K$1";

/** A workbook with Rates, Inst and an empty Calc sheet (plus any extra sheets). */
export function book(extra: Record<string, RawCell[][]> = {}): HeadlessWorkbook {
  return HeadlessWorkbook.create({ Rates: RATES, Inst: INSTITUTIONS, Calc: [], ...extra });
}

/** Puts `formula` in Calc!A1 of `wb` and returns the cell's value. */
export function calc(formula: string, wb: HeadlessWorkbook = book()): CellResult {
  wb.setCells("Calc", "A1", [[formula]]);
  return wb.getValues("Calc", "A1")[0][0];
}

/** The value as an error, failing the test if it is not one. */
export function errorOf(v: CellResult): { error: string; message: string } {
  if (v === null || typeof v !== "object") throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return v;
}

/** A quoted formula string. */
export const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
