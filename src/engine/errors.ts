// Errors are values. Every message the engine can produce is built here, from one catalogue, so the
// wording is consistent and every message names the argument, header, row, key or option at fault.
import { nearest } from "./nearest";

export type ErrorKind = "#VALUE!" | "#N/A" | "#NUM!";

export class SendError {
  readonly isSendError = true;
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.kind} ${this.message}`;
  }
}

export function isSendError(x: unknown): x is SendError {
  return x instanceof SendError;
}

/**
 * Internal control flow: deep code throws a Failure; every public engine entry point catches it with
 * `attempt` and returns the SendError as a value. Anything else thrown is a programming mistake.
 */
export class Failure extends Error {
  constructor(readonly error: SendError) {
    super(error.message);
  }
}

export function fail(kind: ErrorKind, message: string): never {
  throw new Failure(new SendError(kind, message));
}

/** Raise a catalogue error from deep code. */
export function raise(error: SendError): never {
  throw new Failure(error);
}

export function attempt<T>(fn: () => T): T | SendError {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Failure) return e.error;
    throw e;
  }
}

/** Unwrap a value-or-error inside engine code (re-raises the error as a Failure). */
export function must<T>(x: T | SendError): T {
  if (x instanceof SendError) throw new Failure(x);
  return x;
}

function didYouMean(word: string, candidates: Iterable<string>): string {
  const n = nearest(word, candidates);
  return n ? ` Did you mean '${n}'?` : "";
}

function list(xs: readonly string[], max = 12): string {
  const shown = xs
    .slice(0, max)
    .map((x) => `'${x}'`)
    .join(", ");
  return xs.length > max ? `${shown} and ${xs.length - max} more` : shown;
}

/** The message catalogue. */
export const E = {
  // rates table
  noFactorColumn: (arg: string, headers: string[]) =>
    new SendError(
      "#VALUE!",
      `${arg}: no 'Factor' column in the header row (headers: ${list(headers)}).${didYouMean("factor", headers)}`,
    ),
  noOptions: (arg: string) =>
    new SendError(
      "#VALUE!",
      `${arg}: the rates table has no option columns (only Factor, Description, Unit, Source, Notes).`,
    ),
  duplicateOption: (arg: string, name: string) =>
    new SendError("#VALUE!", `${arg}: option '${name}' appears in more than one column.`),
  duplicateKey: (arg: string, key: string, row1: number, row2: number) =>
    new SendError("#VALUE!", `${arg}: key '${key}' appears twice (rows ${row1} and ${row2}).`),
  unknownKey: (arg: string, key: string, row: number, suggestions: Iterable<string>) =>
    new SendError("#VALUE!", `${arg}: unknown key '${key}' in row ${row}.${didYouMean(key, suggestions)}`),
  notNumberRate: (key: string, option: string, text: string) =>
    new SendError("#VALUE!", `rate '${key}' of option '${option}' is not a number: '${text}'.`),
  rateOutOfRange: (key: string, option: string, value: string, range: string) =>
    new SendError("#NUM!", `rate '${key}' of option '${option}' is ${value}; it must be ${range}.`),
  unknownOption: (arg: string, name: string, options: string[]) =>
    new SendError(
      "#VALUE!",
      `${arg}: unknown option '${name}'. Options: ${list(options)}.${didYouMean(name, options)}`,
    ),
  optionRequired: (arg: string, options: string[]) =>
    new SendError("#VALUE!", `${arg}: name an option; the table has ${options.length}: ${list(options)}.`),
  unknownParent: (option: string, parent: string, options: string[]) =>
    new SendError(
      "#VALUE!",
      `option '${option}' inherits from unknown option '${parent}'.${didYouMean(parent, options)}`,
    ),
  inheritanceCycle: (chain: string[]) => new SendError("#VALUE!", `inheritance cycle: ${chain.join(" -> ")}.`),
  missingRate: (key: string, option: string, why: string) =>
    new SendError("#N/A", `option '${option}' has no rate '${key}' (needed for ${why}).`),
  // institution fields
  noPhase: (where: string) =>
    new SendError(
      "#VALUE!",
      `${where}: no 'Phase' value (one of Early Years, Primary, Secondary, Special, Resource Base, AP, FE, ISP).`,
    ),
  unknownPhase: (where: string, phase: string, phases: string[]) =>
    new SendError(
      "#VALUE!",
      `${where}: unknown phase '${phase}'. Phases: ${list(phases)}.${didYouMean(phase, phases)}`,
    ),
  notNumberField: (where: string, header: string, text: string) =>
    new SendError("#VALUE!", `${where}: '${header}' is not a number: '${text}'.`),
  negativeCount: (where: string, header: string, value: string) =>
    new SendError("#NUM!", `${where}: '${header}' is negative (${value}); counts must be 0 or more.`),
  countTooLarge: (where: string, header: string, value: string, limit: string) =>
    new SendError(
      "#NUM!",
      `${where}: '${header}' is ${value}; a count of plans must be at most ${limit} (all of England holds about 500,000).`,
    ),
  monthsRange: (where: string, value: string) =>
    new SendError("#NUM!", `${where}: 'Months' is ${value}; it must be between 0 and 12.`),
  occupiedOverPlaces: (where: string, occupied: string, places: string) =>
    new SendError("#NUM!", `${where}: 'Occupied' (${occupied}) is more than 'Places' (${places}).`),
  shapeMismatch: (fieldsArg: string, valuesArg: string, n: number, m: number) =>
    new SendError(
      "#VALUE!",
      `${fieldsArg} has ${n} headers but ${valuesArg} has ${m} values; they must be the same length.`,
    ),
  bandlessHeader: (header: string) =>
    new SendError("#VALUE!", `header '${header}' needs a band label, e.g. '${header.trim()} Band 1'.`),
  duplicateHeader: (arg: string, header: string) =>
    new SendError("#VALUE!", `${arg}: header '${header}' appears twice.`),
  emptyTable: (arg: string) => new SendError("#VALUE!", `${arg}: needs a header row and at least one data row.`),
  // arguments in general
  notNumberArg: (arg: string, text: string) => new SendError("#VALUE!", `${arg} is not a number: '${text}'.`),
  argRange: (arg: string, value: string, range: string) =>
    new SendError("#NUM!", `${arg} is ${value}; it must be ${range}.`),
  argRequired: (arg: string) => new SendError("#VALUE!", `${arg} is required.`),
  notScalar: (arg: string, rows: number, cols: number) =>
    new SendError("#VALUE!", `${arg} must be a single value, not a range of ${rows} × ${cols} cells.`),
  notVector: (arg: string, rows: number, cols: number) =>
    new SendError("#VALUE!", `${arg} must be one row or one column, not ${rows} rows × ${cols} columns.`),
  tooManyArgs: (fn: string, max: number, given: number) =>
    new SendError("#VALUE!", `${fn} takes at most ${max} argument${max === 1 ? "" : "s"}; ${given} were given.`),
  tooLarge: (what: string) =>
    new SendError(
      "#NUM!",
      `${what} is too large for a spreadsheet number (above 1.8E+308); look for a huge rate, count or amount.`,
    ),
  internalError: (fn: string, message: string) =>
    new SendError("#VALUE!", `${fn} failed unexpectedly (${message}). Please report this with the workbook.`),
  unknownName: (arg: string, name: string, names: string[]) =>
    new SendError(
      "#VALUE!",
      `${arg}: unknown value '${name}'. Expected one of ${list(names)}.${didYouMean(name, names)}`,
    ),
  lengthMismatch: (argA: string, argB: string, n: number, m: number) =>
    new SendError("#VALUE!", `${argB} has ${m} values but ${argA} has ${n}; they must be the same length.`),
  impossible: (what: string) => new SendError("#NUM!", what),
  belowLowestBand: (option: string, score: string, lowest: string, band: string) =>
    new SendError(
      "#N/A",
      `score ${score} is below the lowest band of option '${option}' (band '${band}' starts at ${lowest}).`,
    ),
  noBands: (option: string) => new SendError("#N/A", `option '${option}' has no 'band.<band>' keys.`),
  // demand tables (SEND.SUFFICIENCY, SEND.PROJECT with a forecast)
  missingColumn: (arg: string, header: string, headers: string[]) =>
    new SendError(
      "#VALUE!",
      `${arg}: no '${header}' column in the header row (headers: ${list(headers)}).${didYouMean(header, headers)}`,
    ),
  unknownBreakdown: (where: string, name: string, names: string[]) =>
    new SendError("#VALUE!", `${where}: unknown breakdown '${name}'.${didYouMean(name, names)}`),
  breakdownNotInForecast: (where: string, name: string, present: string[]) =>
    new SendError("#VALUE!", `${where}: breakdown '${name}' is not in the forecast (it has ${list(present)}).`),
  duplicateEntry: (arg: string, what: string, row1: number, row2: number) =>
    new SendError("#VALUE!", `${arg}: ${what} appears twice (data rows ${row1} and ${row2}).`),
  notWholeYear: (where: string, text: string) =>
    new SendError("#VALUE!", `${where}: 'Year' must be a whole year such as 2024, not '${text}'.`),
  missingEntry: (arg: string, what: string) =>
    new SendError(
      "#VALUE!",
      `${arg}: no row for ${what}; every year needs the same breakdowns and years must be consecutive.`,
    ),
  blankField: (where: string, header: string) =>
    new SendError("#VALUE!", `${where}: '${header}' is blank; it must be a number.`),
  capacityLacks: (what: string, why: string) =>
    new SendError("#VALUE!", `capacity has no rows for ${what} (needed for ${why}).`),
  forecastLacks: (what: string, why: string) =>
    new SendError("#N/A", `the forecast has no ${what} (needed for ${why}).`),
  // whole-table computations (SEND.FIT, SEND.DEFICIT, SEND.PAYBACK)
  noValues: (arg: string, what: string) => new SendError("#VALUE!", `${arg} has no values; ${what}.`),
  floorAboveCap: (floor: string, cap: string) =>
    new SendError(
      "#NUM!",
      `floor (${floor}) is above cap (${cap}); the minimum funding guarantee cannot exceed the gains cap.`,
    ),
  noRoomInBounds: (where: string, lo: string, hi: string, unit: string) =>
    new SendError(
      "#NUM!",
      `${where}: no multiple of ${unit} lies between its floor ${lo} and its cap ${hi}, so it cannot be rounded within its bounds.`,
    ),
  budgetUnreachable: (budget: string, lowest: string, highest: string | null, why = "") =>
    new SendError(
      "#NUM!",
      (highest === null
        ? `budget ${budget} cannot be reached: it is below ${lowest}, the least the results can total (every row at its floor).`
        : lowest === highest
          ? `budget ${budget} cannot be reached: the results can only total ${lowest}.`
          : `budget ${budget} cannot be reached: the results can total from ${lowest} to ${highest}.`) + why,
    ),
  neverPaysBack: (saving: string, cost: string | null) =>
    new SendError(
      "#NUM!",
      cost === null
        ? `annual_saving (${saving}) is not more than 0, so the investment never pays back.`
        : `annual_saving (${saving}) is not more than annual_cost (${cost}), so the investment never pays back.`,
    ),
  // demand forecast (SEND.FORECAST, contract section 6)
  unknownHeader: (arg: string, header: string, valid: readonly string[]) => {
    const n = nearest(header, valid);
    return new SendError(
      "#VALUE!",
      `${arg}: unknown header '${header}'.${n ? ` Did you mean '${n}'?` : ""} Valid headers: ${list([...valid], 40)}.`,
    );
  },
  noHeader: (arg: string, column: number) =>
    new SendError("#VALUE!", `${arg}: column ${column} has values but no header.`),
  noYearColumn: (arg: string, headers: string[]) =>
    new SendError(
      "#VALUE!",
      `${arg}: no 'Year' column in the header row (headers: ${list(headers)}).${didYouMean("Year", headers)}`,
    ),
  notYear: (where: string, text: string) =>
    new SendError("#VALUE!", `${where}: 'Year' is '${text}'; it must be a 4-digit year (the January census).`),
  duplicateYear: (arg: string, year: number, row1: number, row2: number) =>
    new SendError("#VALUE!", `${arg}: year ${year} appears twice (rows ${row1} and ${row2}).`),
  yearGap: (arg: string, missing: number, before: number, after: number) =>
    new SendError(
      "#VALUE!",
      `${arg}: year ${missing} is missing; years must be consecutive (${before} is followed by ${after}).`,
    ),
  tooFewYears: (arg: string, n: number) =>
    new SendError(
      "#VALUE!",
      `${arg} has ${n} year${n === 1 ? "" : "s"} of data; a forecast needs at least 3 consecutive years.`,
    ),
  noCaseload: (arg: string) =>
    new SendError(
      "#VALUE!",
      `${arg} has no caseload column: give 'Total', or placement groups or age groups to sum it from.`,
    ),
} as const;
