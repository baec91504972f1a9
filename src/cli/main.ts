// send-model: the command-line host. `recalc` evaluates a workbook's formulas headlessly; `demo` writes
// the synthetic demo workbook and its HTML report. Exit codes: 0 done (cell errors are results, not
// failures), 1 a problem with the files or the command line, 2 an unexpected internal error.
// Command modules load only when their command runs, so `--help` and usage errors answer at once. They are
// required, not import()ed: under tsx's CommonJS loader only require resolves extensionless .ts paths.
import { Command, CommanderError } from "commander";
import { checkXlsxInput, FileProblem, refuseOverwrite } from "../headless/io/files";
import { processIo, type CliIo } from "./io";

export const EXIT = { ok: 0, problem: 1, internal: 2 } as const;

/** An import whose mapping cannot be used: the report is printed already, nothing is written. */
class ImportRefused extends Error {}

function program(io: CliIo): Command {
  const p = new Command();
  p.name("send-model")
    .description("SEND Funding Modeller, headless: recalculate workbooks with SEND.* formulas, or write the synthetic demo.")
    .option("-q, --quiet", "no progress messages on stderr")
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();

  p.command("recalc")
    .description("Evaluate every formula of every sheet of an .xlsx workbook (SEND.* included) without Excel.")
    .argument("<input>", "the workbook to evaluate (.xlsx); it is never modified")
    .option("-o, --out <file>", "write the recalculated workbook (formulas plus their values) to this new file")
    .option("--json", "print one JSON object on stdout: \"Sheet!A1\" -> value, for every formula and spilled cell")
    .option("--summary", "per sheet: formula cells, the total of their numbers and their errors by code (with --json: as one JSON object)")
    .addHelpText("after", "\nValues in --json: number, text, true/false, null for blank, or {\"error\": \"#VALUE!\", \"message\": \"…\"}.\nKeys follow sheet order, then rows, then columns.")
    .action(async (input: string, opts: { out?: string; json?: boolean; summary?: boolean }) => {
      checkXlsxInput(input); // before loading the engine: a wrong file is answered at once
      if (opts.out) refuseOverwrite(opts.out, [input]);
      const { runRecalc } = require("./recalc") as typeof import("./recalc");
      await runRecalc(input, opts, io, Boolean(p.opts().quiet));
    });

  p.command("import")
    .description("Make a model from your own school list (CSV or xlsx): maps its columns to the Institutions fields, prints the mapping and every column, cell and count it could not use.")
    .argument("<schools>", "the school list (.csv or .xlsx); it is never modified")
    .requiredOption("-o, --out <file>", "the model workbook to write (.xlsx)")
    .option("--mapping <file>", "a JSON object {\"header in the file\": \"field\" or \"keep\"} that overrides the proposed mapping")
    .option("--sheet <name>", "the sheet of an xlsx file to read (default: the first with data)")
    .option("--national <option>", "the built-in national option the rates are seeded from")
    .option("--option <name>", "the name of the local candidate option", "Option A")
    .action(async (schools: string, opts: { out: string; mapping?: string; sheet?: string; national?: string; option: string }) => {
      const { runImport } = require("./importCommand") as typeof import("./importCommand");
      if (!(await runImport(schools, opts, io, Boolean(p.opts().quiet)))) throw new ImportRefused();
    });

  p.command("publish")
    .description("Write a separate values-only copy of a workbook for review: every sheet's results (no formulas), formats kept, totals per option and a summary.")
    .argument("<model>", "the model workbook (.xlsx); it is recalculated first and never modified")
    .requiredOption("-o, --out <file>", "the published workbook to write (.xlsx)")
    .action(async (model: string, opts: { out: string }) => {
      checkXlsxInput(model);
      refuseOverwrite(opts.out, [model]);
      const { runPublish } = require("./publishCommand") as typeof import("./publishCommand");
      await runPublish(model, opts.out, io, Boolean(p.opts().quiet));
    });

  p.command("demo")
    .description("Write the SYNTHETIC demo workbook (send-model-demo.xlsx) and its HTML report into a folder.")
    .option("-o, --out <dir>", "output folder (created if missing)", "out")
    .action(async (opts: { out: string }) => {
      const { runDemo } = require("./demoCommand") as typeof import("./demoCommand");
      await runDemo(opts.out, io, Boolean(p.opts().quiet));
    });
  return p;
}

/** Runs the CLI with user arguments (no node/script prefix); resolves to the exit code. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const p = program(io);
  try {
    if (argv.length === 0) {
      p.outputHelp({ error: true });
      return EXIT.problem;
    }
    await p.parseAsync([...argv], { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.problem; // help, version, usage errors
    if (e instanceof ImportRefused) return EXIT.problem;
    if (e instanceof FileProblem) {
      io.err(`send-model: ${e.message}\n`);
      return EXIT.problem;
    }
    io.err(`send-model: unexpected error: ${(e as Error).message ?? String(e)}\n`);
    if (process.env.SEND_MODEL_DEBUG) io.err(`${(e as Error).stack ?? ""}\n`);
    return EXIT.internal;
  }
}
