// The first word: a slip gets the nearest command, a file name gets the command it wants, anything else the
// list of commands; --help describes every command; and the package version is the release's.
import fs from "node:fs";
import path from "node:path";
import { main, unknownCommand } from "../../src/cli/main";
import { binaryKind } from "../../src/import/binary";
import { readSource } from "../../src/import/source";

const COMMANDS = ["recalc", "import", "publish", "demo", "forecast", "plan"];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("unknown commands", () => {
  it("suggests the nearest command for a slip, and only then", () => {
    expect(unknownCommand("publsh", COMMANDS)).toMatch(/^unknown command 'publsh'\. Did you mean 'publish'\?/);
    expect(unknownCommand("convert", COMMANDS)).toBe(
      "unknown command 'convert'. The commands are recalc, import, publish, demo, forecast, plan (run with --help for what each does).",
    );
    expect(unknownCommand("import", COMMANDS)).toBeNull();
    expect(unknownCommand("--help", COMMANDS)).toBeNull();
  });

  it("gives a file name the command it wants, and exits 1 with one line", async () => {
    expect(unknownCommand("schools.csv", COMMANDS)).toMatch(
      /did you mean 'send-model import schools\.csv --out MODEL\.xlsx'/,
    );
    expect(unknownCommand("model.xlsx", COMMANDS)).toMatch(/did you mean 'send-model recalc model\.xlsx'/);
    const r = await run(["imprt", "x.csv"]);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "send-model: unknown command 'imprt'. Did you mean 'import'? The commands are recalc, import, publish, demo, forecast, plan (run with --help for what each does).\n",
    );
  });

  it("--help describes what the tool does, not only the demo", async () => {
    const r = await run(["--help"]);
    expect(r.out).not.toMatch(/or write the synthetic demo/);
    expect(r.out).toMatch(/make a model from your school list/);
    for (const c of COMMANDS) expect(r.out).toMatch(new RegExp(`\\n  ${c} `));
  });

  it("package.json carries the release version", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as { version: string };
    expect(pkg.version).toBe("0.4.0");
  });
});

describe("a binary file given as CSV", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

  it("is named in one line, by its signature or by its control characters", async () => {
    expect(binaryKind(png)).toBe("a PNG image");
    expect(binaryKind(Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]))).toBe("a PDF document");
    const noise = Uint8Array.from({ length: 400 }, (_, i) => (i * 37) % 256);
    expect(binaryKind(noise)).toBe("binary data, not text");
    await expect(readSource("schools.csv", png)).rejects.toThrow(
      /^schools\.csv is not a CSV file: it is a PNG image\. Save the school list from Excel as "CSV UTF-8" or as an \.xlsx workbook$/,
    );
  });

  it("leaves text alone: CSV with tabs, accents, a form feed or NUL bytes (UTF-16) is not called binary", () => {
    expect(binaryKind(Buffer.from("Name,Phase\r\nSt Thomas\u00e0,Primary\tx\n", "utf8"))).toBeNull();
    expect(binaryKind(Buffer.from("\ufeffName,Phase\n", "utf16le"))).toBeNull();
    expect(binaryKind(new Uint8Array())).toBeNull();
  });
});
