// Before/after timings of the engine's exact fast path (src/engine/fast) on the bench's own data:
// run with `npx tsx bench/prototypes/fast-measure.ts [--quick]`. Medians of interleaved runs; every "after"
// result is checked identical to its "before" (decimal.js) result first.
import { performance } from "node:perf_hooks";
import {
  allocateRowTotal, allocateTotal, allocateTotals, compare, compareTable, fieldReader, findTopupRate, parseRates, readTable,
  resolveOption, roundMoney, SendError, SETTINGS, PHASES, SETTING_OF_PHASE, topupAmount, toNumber, D, cellText, isBlank,
  type Cell, type Option, type Setting,
} from "../../src/engine";
import { normLabel } from "../../src/engine/normalize";
import { syntheticRates, LOCAL_OPTION, BASE_OPTION } from "../data/rates";
import { syntheticInstitutions } from "../data/institutions";
import { syntheticPupils } from "../data/pupils";
import { refAllocateAll } from "../reference/allocate";
import { coreAllocateAll } from "../lib/core";
import { measureMany, measure } from "../lib/stats";

const quick = process.argv.includes("--quick");
const runs = quick ? 3 : 7;
const show = (x: unknown) => (x instanceof SendError ? `${x.kind} ${x.message}` : String(x));
const same = (a: unknown[], b: unknown[]) => a.length === b.length && a.every((x, i) => show(x) === show(b[i]));
const rates = syntheticRates();
const table = parseRates(rates) as Exclude<ReturnType<typeof parseRates>, SendError>;
const local = resolveOption(table, LOCAL_OPTION) as Option;
const national = resolveOption(table, BASE_OPTION) as Option;
const ms = (x: number) => `${x.toFixed(1)} ms`;

// 1. ALLOCATEALL, 20,000 institutions
{
  const grid = syntheticInstitutions(20000);
  const fast = allocateTotals(local, grid) as unknown[];
  if (!same(fast, coreAllocateAll(rates, LOCAL_OPTION, grid) as unknown[])) throw new Error("ALLOCATEALL: fast ≠ decimal");
  const t = measureMany({
    reference: () => refAllocateAll(rates, LOCAL_OPTION, grid),
    decimal: () => coreAllocateAll(rates, LOCAL_OPTION, grid),
    fast: () => allocateTotals(local, grid),
  }, { warmup: 1, runs });
  console.log(`ALLOCATEALL 20k: reference ${ms(t.reference.median)}, decimal ${ms(t.decimal.median)}, fast ${ms(t.fast.median)}; `
    + `decimal/reference ${(t.decimal.median / t.reference.median).toFixed(2)}×, fast/reference ${(t.fast.median / t.reference.median).toFixed(2)}×, `
    + `speed-up ${(t.decimal.median / t.fast.median).toFixed(1)}×`);
}

// 2. TOPUP, 600,000 pupils (setting resolved as SEND.TOPUP does; months/fte as numbers, then as Decimals)
{
  const pupils = syntheticPupils(600000);
  const settingBy = new Map<string, Setting>([...SETTINGS.map((s): [string, Setting] => [s, s]),
    ...PHASES.map((p): [string, Setting] => [normLabel(p), SETTING_OF_PHASE[p]])]);
  const TWELVE = new D(12), ONE = new D(1);
  const decimal = () => pupils.map(([s, band, months, fte]) => {
    const setting = settingBy.get(normLabel(s))!;
    const r = findTopupRate(local, setting, cellText(band));
    if (!r) return null;
    const m = isBlank(months) ? TWELVE : new D(months as number);
    const f = isBlank(fte) ? ONE : new D(fte as number);
    return toNumber(roundMoney(r.value.times(f).times(m).div(TWELVE), local.roundTo));
  });
  const fastNum = () => pupils.map(([s, band, months, fte]) =>
    topupAmount(local, settingBy.get(normLabel(s))!, cellText(band), (months as number | null) ?? null, (fte as number | null) ?? null));
  const decArgs = pupils.map(([, , months, fte]) => [months === null ? null : new D(months as number), fte === null ? null : new D(fte as number)] as const);
  const fastDec = () => pupils.map(([s, band], i) => topupAmount(local, settingBy.get(normLabel(s))!, cellText(band), decArgs[i][0], decArgs[i][1]));
  if (!same(fastNum(), decimal()) || !same(fastDec(), decimal())) throw new Error("TOPUP: fast ≠ decimal");
  const t = measureMany({ decimal, fastNum, fastDec }, { warmup: 1, runs: quick ? 2 : 3 });
  console.log(`TOPUP 600k: decimal ${ms(t.decimal.median)}, fast (number args) ${ms(t.fastNum.median)}, fast (Decimal args) ${ms(t.fastDec.median)}; `
    + `speed-up ${(t.decimal.median / t.fastNum.median).toFixed(1)}× / ${(t.decimal.median / t.fastDec.median).toFixed(1)}×`);
}

// 3. ALLOCATE, 10,000 calls through one cached header reader
{
  const grid = syntheticInstitutions(10000, 31337);
  const reader = fieldReader(grid[0], "fields");
  if (reader instanceof SendError) throw reader;
  const rows = grid.slice(1).map((r) => [...r]);
  const decimal = () => rows.map((v) => {
    const inst = reader.read(v, "values");
    if (inst instanceof SendError) return inst;
    const t = allocateTotal(local, inst);
    return t instanceof SendError ? t : toNumber(t);
  });
  const fast = () => rows.map((v) => allocateRowTotal(local, reader, v));
  if (!same(fast(), decimal())) throw new Error("ALLOCATE: fast ≠ decimal");
  const t = measureMany({ decimal, fast }, { warmup: 1, runs });
  console.log(`ALLOCATE 10k calls: decimal ${(t.decimal.median / 10).toFixed(2)} µs/call, fast ${(t.fast.median / 10).toFixed(2)} µs/call; `
    + `speed-up ${(t.decimal.median / t.fast.median).toFixed(1)}×`);
}

// 4. COMPARE, 20,000 institutions
{
  const grid = syntheticInstitutions(20000);
  const decimal = () => { const rows = readTable(grid); return rows instanceof SendError ? rows : compare(national, local, rows); };
  const fast = () => compareTable(national, local, grid);
  const f = fast(), d = decimal();
  if (f instanceof SendError || d instanceof SendError || !same(f.rows.map((r) => r.change), d.rows.map((r) => (r.change === null ? null : toNumber(r.change as never))))) {
    throw new Error("COMPARE: fast ≠ decimal");
  }
  const t = measureMany({ decimal, fast }, { warmup: 1, runs });
  console.log(`COMPARE 20k: decimal ${ms(t.decimal.median)}, fast ${ms(t.fast.median)}; speed-up ${(t.decimal.median / t.fast.median).toFixed(1)}×`);
}

// 5. growth of ALLOCATEALL (fast) with the table size
{
  const sizes = [1000, 10000, 100000];
  const times = sizes.map((n) => {
    const grid = syntheticInstitutions(n);
    return measure(() => allocateTotals(local, grid), { warmup: 2, runs: n <= 1000 ? 15 : runs }).median;
  });
  console.log(`growth (fast ALLOCATEALL): ${sizes.map((n, i) => `${n / 1000}k ${ms(times[i])}`).join(", ")}; `
    + `ratios ${times.slice(1).map((x, i) => (x / times[i]).toFixed(1)).join(", ")}`);
}

export type { Cell };
