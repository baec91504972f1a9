// send-model: the command-line host. `recalc` evaluates a workbook's formulas headlessly; `demo` writes
// the synthetic demo workbook and its HTML report; `forecast` forecasts EHC plans from the published files; `plan`
// writes a DSG deficit management plan from a model. Exit codes: 0 done (cell errors are results, not
// failures), 1 a problem with the files or the command line (or a workbook over a limit), 2 an internal
// error (a bug: please report it), 3 done, but some cells could not be evaluated by the headless engine
// (each shows #VALUE! naming the cell and the limit; every other cell was evaluated), or, for publish and plan,
// some figure written is an error (each named on stderr); 4 published, but every allocation of an option is an
// error (the lines on stderr say why).
// Command modules load only when their command runs, so `--help` and usage errors answer at once. They are
// required, not import()ed: under tsx's CommonJS loader only require resolves extensionless .ts paths.
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { checkOutput, FileProblem, fileProblemOf } from "../headless/io/files";
import { checkInput, checkXlsxInput } from "../headless/io/inputFile";
import { checkZip, DEFAULT_ZIP_LIMITS } from "../headless/io/zipGuard";
import { IMPORT_LIMITS, MAPPING_SPEC } from "./importLimits";
import { editDistance } from "../engine/nearest";
import { processIo, type CliIo } from "./io";

/** A commander parser for a positive whole number option (1e9 and 1_000_000 accepted). */
function wholeNumber(flag: string): (v: string) => number {
  return (v) => {
    const n = Number(v.replace(/_/g, ""));
    if (!Number.isSafeInteger(n) || n <= 0)
      throw new InvalidArgumentError(`${flag} must be a positive whole number, not '${v}'`);
    return n;
  };
}

export const EXIT = { ok: 0, problem: 1, internal: 2, cellsFailed: 3, allInError: 4 } as const;

/** An import whose mapping cannot be used: the report is printed already, nothing is written. */
class ImportRefused extends Error {}

function program(io: CliIo, status: { code: number }): Command {
  const p = new Command();
  p.name("send-model")
    .description(
      "SEND Funding Modeller, headless: make a model from your school list, recalculate it without Excel, publish a values-only copy for Schools Forum, forecast EHC plans and write a deficit management plan.",
    )
    .option("-q, --quiet", "no progress messages on stderr")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  p.command("recalc")
    .description("Evaluate every formula of every sheet of an .xlsx workbook (SEND.* included) without Excel.")
    .argument("<input>", "the workbook to evaluate (.xlsx); it is never modified")
    .option("-o, --out <file>", "write the recalculated workbook (formulas plus their values) to this new file")
    .option("--json", 'print one JSON object on stdout: "Sheet!A1" -> value, for every formula and spilled cell')
    .option(
      "--max-bytes <n>",
      `refuse a workbook that inflates to more than n bytes (default ${DEFAULT_ZIP_LIMITS.maxBytes.toLocaleString("en-GB")})`,
      wholeNumber("--max-bytes"),
    )
    .option(
      "--max-cells <n>",
      `refuse a workbook with more than n cells (default ${DEFAULT_ZIP_LIMITS.maxCells.toLocaleString("en-GB")})`,
      wholeNumber("--max-cells"),
    )
    .option(
      "--summary",
      "per sheet: formula cells, the total of their numbers and their errors by code (with --json: as one JSON object)",
    )
    .addHelpText(
      "after",
      '\nValues in --json: number, text, true/false, null for blank, or {"error": "#VALUE!", "message": "…"}.\nKeys follow sheet order, then rows, then columns.',
    )
    .action(
      async (
        input: string,
        opts: { out?: string; json?: boolean; summary?: boolean; maxBytes?: number; maxCells?: number },
      ) => {
        // before loading the engine: a wrong file or a zip bomb is answered at once
        await checkZip(
          checkXlsxInput(input, zipLimits(opts).maxBytes, "raise it with --max-bytes"),
          input,
          zipLimits(opts),
        );
        if (opts.out) checkOutput(opts.out, [input]); // folder exists and is writable, before any work
        const { runRecalc } = require("./recalc") as typeof import("./recalc");
        const failed = await runRecalc(input, opts, io, Boolean(p.opts().quiet));
        if (failed > 0) status.code = EXIT.cellsFailed;
      },
    );

  p.command("import")
    .description(
      "Make a model from your own school list (CSV or xlsx): maps its columns to the Institutions fields, prints the mapping and every column, cell and count it could not use.",
    )
    .argument("<schools>", "the school list (.csv or .xlsx); it is never modified")
    .requiredOption(
      "-o, --out <file>",
      "the model workbook to write (.xlsx); an existing one needs --update or --force",
    )
    .option(
      "--update",
      "--out is a model you have worked on: replace only its institutions, keeping every other sheet, rate and option",
    )
    .option("--force", "replace an existing --out file whole (prints what it held that is lost)")
    .option(
      "--mapping <file>",
      'a JSON object {"header in the file": "field" or "keep"} that overrides the proposed mapping',
    )
    .option("--sheet <name>", "the sheet of an xlsx file to read (default: the first with data)")
    .option("--national <option>", "the built-in national option the rates are seeded from")
    .option("--option <name>", "the name of the local candidate option", "Option A")
    .option(
      "--max-bytes <n>",
      `refuse a school list (or an xlsx one once inflated) of more than n bytes (default ${IMPORT_LIMITS.maxBytes.toLocaleString("en-GB")})`,
      wholeNumber("--max-bytes"),
    )
    .option(
      "--max-cells <n>",
      `refuse a school list with more than n cells (default ${IMPORT_LIMITS.maxCells.toLocaleString("en-GB")})`,
      wholeNumber("--max-cells"),
    )
    .option(
      "--max-rows <n>",
      `refuse a CSV school list with more than n rows (default ${IMPORT_LIMITS.maxRows.toLocaleString("en-GB")})`,
      wholeNumber("--max-rows"),
    )
    .action(async (schools: string, opts: import("./importCommand").ImportOptions) => {
      // before loading the importer: a missing file, a FIFO or a device is answered at once
      checkInput(schools, { maxBytes: opts.maxBytes ?? IMPORT_LIMITS.maxBytes, raise: "raise it with --max-bytes" });
      if (opts.mapping) checkInput(opts.mapping, MAPPING_SPEC);
      const { runImport } = require("./importCommand") as typeof import("./importCommand");
      if (!(await runImport(schools, opts, io, Boolean(p.opts().quiet)))) throw new ImportRefused();
    });

  p.command("publish")
    .description(
      "Write a separate values-only copy of a workbook for review: every sheet's results (no formulas), formats kept, totals per option and a summary.",
    )
    .argument("<model>", "the model workbook (.xlsx); it is recalculated first and never modified")
    .requiredOption("-o, --out <file>", "the published workbook to write (.xlsx)")
    .action(async (model: string, opts: { out: string }) => {
      await checkZip(checkXlsxInput(model), model, zipLimits({}));
      checkOutput(opts.out, [model]);
      const { runPublish } = require("./publishCommand") as typeof import("./publishCommand");
      const r = await runPublish(model, opts.out, io, Boolean(p.opts().quiet));
      if (r.allInError) status.code = EXIT.allInError;
      else if (r.errorCells > 0) status.code = EXIT.cellsFailed;
    });

  p.command("demo")
    .description("Write the SYNTHETIC demo workbook (send-model-demo.xlsx) and its HTML report into a folder.")
    .option("-o, --out <dir>", "output folder (created if missing)", "out")
    .action(async (opts: { out: string }) => {
      const { runDemo } = require("./demoCommand") as typeof import("./demoCommand");
      await runDemo(opts.out, io, Boolean(p.opts().quiet));
    });
  p.command("forecast")
    .description(
      "Forecast EHC plans for each LA of the tidy published files or of the DfE release, exactly as SEND.FORECAST does.",
    )
    .argument("[caseload]", "caseload file: year,la_code,la_name,breakdown,count (plans at each January census)")
    .option("--new-plans <file>", "new-plans file of the same columns (plans made in each calendar year)")
    .option(
      "--release <path...>",
      "the DfE 'Education, health and care plans' release as downloaded: its zip, its folder, or its caseload.csv (and newplans.csv)",
    )
    .option("--la <la>", "an LA code, its three-digit LA number (886), an LA name, or all", "all")
    .option("--origin <year>", "use only the years up to this one (default: the last year)")
    .option("--horizon <n>", "years to forecast, 1 to 15", "3")
    .option("--coverage <c>", "interval probability, strictly between 0 and 1", "0.8")
    .option(
      "--json",
      "print one JSON object: la_code -> {name, origin, last, coverage, forecast: [{year, breakdown, low, central, high}]} or {name, error}",
    )
    .addHelpText(
      "after",
      "\nWithout --json, prints CSV: la_code,la_name,year,breakdown,low,central,high,coverage. Exit 0 when at least one LA was forecast.",
    )
    .action(async (caseload: string | undefined, opts: import("./forecast").ForecastOpts) => {
      const { runForecast } = require("./forecast") as typeof import("./forecast");
      if (!(await runForecast(caseload, opts, io, Boolean(p.opts().quiet))))
        throw new FileProblem("no LA could be forecast");
    });
  p.command("plan")
    .description(
      "Write a DSG deficit management plan workbook (DfE template shape, live SEND.PLAN formulas) from a model workbook.",
    )
    .argument(
      "<model>",
      "the model workbook (.xlsx) with a Rates sheet whose options carry proj.* keys; it is never modified",
    )
    .requiredOption("-o, --out <file>", "the plan workbook to write (.xlsx, a new file)")
    .action(async (input: string, opts: { out: string }) => {
      await checkZip(checkXlsxInput(input), input, zipLimits({}));
      checkOutput(opts.out, [input]);
      const { runPlan } = require("./planCommand") as typeof import("./planCommand");
      if ((await runPlan(input, opts.out, io, Boolean(p.opts().quiet))) > 0) status.code = EXIT.cellsFailed;
    });
  return p;
}

/** "cannot write out/x.xlsx" from a Node filesystem error (its syscall and path). */
function fsAction(e: unknown): string {
  const { syscall, path: file } = e as NodeJS.ErrnoException;
  const verb = syscall && /^(open|read|stat|scandir|access)$/.test(syscall) ? "cannot read" : "cannot write";
  return file ? `${verb} ${file}` : `${verb} a file`;
}

function zipLimits(opts: { maxBytes?: number; maxCells?: number }) {
  return {
    maxBytes: opts.maxBytes ?? DEFAULT_ZIP_LIMITS.maxBytes,
    maxCells: opts.maxCells ?? DEFAULT_ZIP_LIMITS.maxCells,
  };
}

/**
 * A first word that is no command: the nearest command when it is a slip ("publsh"), the command a file
 * would want ("schools.csv" -> import), else the list of commands. Null for a command or an option.
 */
export function unknownCommand(word: string, commands: readonly string[]): string | null {
  if (word.startsWith("-") || commands.includes(word) || word === "help") return null;
  if (/\.(csv|xlsx?)$/i.test(word)) {
    const verb = /\.csv$/i.test(word) ? `import ${word} --out MODEL.xlsx` : `recalc ${word}`;
    return `'${word}' is a file, not a command: did you mean 'send-model ${verb}'? (run with --help for every command)`;
  }
  let best = "";
  let d = Infinity;
  for (const c of commands) {
    const x = editDistance(word.toLowerCase(), c);
    if (x < d) [best, d] = [c, x];
  }
  const near = d <= Math.max(1, Math.floor(best.length / 3)) ? ` Did you mean '${best}'?` : "";
  return `unknown command '${word}'.${near} The commands are ${commands.join(", ")} (run with --help for what each does).`;
}

/** Runs the CLI with user arguments (no node/script prefix); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const status: { code: number } = { code: EXIT.ok };
  const p = program(io, status);
  try {
    if (argv.length === 0) {
      p.outputHelp({ error: true });
      return EXIT.problem;
    }
    const unknown = unknownCommand(
      argv[0],
      p.commands.map((c) => c.name()),
    );
    if (unknown) {
      io.err(`send-model: ${unknown}\n`);
      return EXIT.problem;
    }
    await p.parseAsync([...argv], { from: "user" });
    return status.code;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.problem; // help, version, usage errors
    if (e instanceof ImportRefused) return EXIT.problem;
    const problem = e instanceof FileProblem ? e : fileProblemOf(e, fsAction(e));
    if (problem) {
      io.err(`send-model: ${problem.message}\n`);
      return EXIT.problem;
    }
    io.err(
      `send-model: internal error (please report it, with the workbook if you can): ${(e as Error).message ?? String(e)}\n`,
    );
    if (process.env.SEND_MODEL_DEBUG) io.err(`${(e as Error).stack ?? ""}\n`);
    return EXIT.internal;
  }
}
