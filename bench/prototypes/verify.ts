// Equivalence proof for the prototypes over many random cases (run: node bin/bench.js verify [n]):
// the engine (src), the compiled-Decimal prototype and the integer fast path must give the same
// digits and the same errors (kind and message) on every row. Random options vary every rate's
// decimals, the shares, round.to and Months (halves and quarters make half-penny ties common), and
// some rows are broken in the ways the engine reports, so the fast path's fall-backs are exercised.
import { SendError, type Cell } from "../../src/engine";
import type { Invoke } from "../lib/hosts";
import { coreAllocateAll, coreTopupAll } from "../lib/core";
import { fastTopupAll } from "./fastTopup";
import { fastDecimalAllocateAll } from "./fastDecimal";
import { fastPenceAllocateAll } from "./fastPence";
import { randomRates, randomTable, randomPupils, rng, BASE_OPTION, LOCAL_OPTION } from "../data/randomCases";

const show = (x: unknown) => (x instanceof SendError ? `${x.kind} ${x.message}` : String(x));

export interface VerifyResult {
  cases: number; tables: number;
  /** rows where the prototype's result differs from the engine's (must be 0) */
  compiledDecimalDiffers: number; penceDiffers: number;
  /** rows the engine answers with an error; rows the integer path handed back to the engine */
  errorRows: number; penceFallbackRows: number; penceFastRows: number;
  /** rows where SEND.ALLOCATEALL through the registry (src/engine/fast when wired) differs from the decimal engine; null = no registry */
  registryDiffers: number | null;
  examples: string[];
}

export function verify(total: number, perTable = 5000, seed = 7, log: (s: string) => void = () => {}, invoke: Invoke | null = null): VerifyResult {
  const r = rng(seed);
  const res: VerifyResult = { cases: 0, tables: 0, compiledDecimalDiffers: 0, penceDiffers: 0, errorRows: 0, penceFallbackRows: 0, penceFastRows: 0, registryDiffers: invoke ? 0 : null, examples: [] };
  while (res.cases < total) {
    const n = Math.min(perTable, total - res.cases);
    const rates = randomRates(r, { missing: r.chance(0.3) });
    const option: Cell = r.chance(0.5) ? LOCAL_OPTION : BASE_OPTION;
    const table = randomTable(r, n, res.cases);
    const e = coreAllocateAll(rates, option, table);
    const d = fastDecimalAllocateAll(rates, option, table);
    const fellBack: boolean[] = new Array(n).fill(false);
    const p = fastPenceAllocateAll(rates, option, table, fellBack);
    const g = invoke ? invoke("ALLOCATEALL", [rates, option, table]) : null;
    if (invoke && Array.isArray(e)) {
      const cells = Array.isArray(g) ? g.map((row) => (Array.isArray(row) ? row[0] : row)) : [];
      for (let i = 0; i < n; i++) {
        if (show(e[i]) !== show(cells[i] ?? null)) {
          res.registryDiffers!++;
          if (res.examples.length < 10) res.examples.push(`engine ${show(e[i])} vs registry ${show(cells[i])}`);
        }
      }
    }
    if (!Array.isArray(e) || !Array.isArray(d) || !Array.isArray(p)) {
      if (show(e) !== show(d)) res.compiledDecimalDiffers += n;
      if (show(e) !== show(p)) res.penceDiffers += n;
    } else {
      for (let i = 0; i < n; i++) {
        const [se, sd, sp] = [e[i], d[i], p[i]].map(show);
        if (e[i] instanceof SendError) res.errorRows++;
        if (fellBack[i]) res.penceFallbackRows++; else res.penceFastRows++;
        if (se !== sd) { res.compiledDecimalDiffers++; if (res.examples.length < 10) res.examples.push(`engine ${se} vs compiled ${sd}`); }
        if (se !== sp) { res.penceDiffers++; if (res.examples.length < 10) res.examples.push(`engine ${se} vs integer ${sp}${fellBack[i] ? " (fell back)" : ""}`); }
      }
    }
    res.cases += n;
    res.tables++;
    if (res.tables % 20 === 0) log(`  ${res.cases} cases …`);
  }
  return res;
}

export interface VerifyTopupResult { cases: number; differs: number; errorRows: number; examples: string[] }

/** The same proof for the SEND.TOPUP batch fast path (fastTopup.ts) against the engine core. */
export function verifyTopup(total: number, perTable = 20000, seed = 8): VerifyTopupResult {
  const r = rng(seed);
  const res: VerifyTopupResult = { cases: 0, differs: 0, errorRows: 0, examples: [] };
  while (res.cases < total) {
    const n = Math.min(perTable, total - res.cases);
    const rates = randomRates(r);
    const option: Cell = r.chance(0.5) ? LOCAL_OPTION : BASE_OPTION;
    const pupils = randomPupils(r, n);
    const e = coreTopupAll(rates, option, pupils);
    const p = fastTopupAll(rates, option, pupils);
    if (!Array.isArray(e) || !Array.isArray(p)) { if (show(e) !== show(p)) res.differs += n; }
    else for (let i = 0; i < n; i++) {
      if (e[i] instanceof SendError) res.errorRows++;
      if (show(e[i]) !== show(p[i])) { res.differs++; if (res.examples.length < 10) res.examples.push(`engine ${show(e[i])} vs integer ${show(p[i])}`); }
    }
    res.cases += n;
  }
  return res;
}
