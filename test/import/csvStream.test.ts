// The CSV reader in pieces: the same rows whatever the chunk boundaries, UTF-16 either byte order, a row budget
// that stops reading, and an unclosed quote or a NUL character refused with its line (never rows dropped).
import fc from "fast-check";
import { CsvParser, parseCsv } from "../../src/util/csv";
import { readCsv, readSource, SourceProblem } from "../../src/import/source";

const TEXT = '\uFEFFName,Note,Amount\r\n"Oak, Primary","said ""hi""\r\nthere",£1,200\r\nElm,,"(3)"\r\n\r\nAsh,x,';

function inPieces(text: string, cuts: number[]): string[][] {
  const p = new CsvParser();
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    p.push(text.slice(at, c));
    at = c;
  }
  p.push(text.slice(at));
  const r = p.end();
  expect(r.errors).toEqual([]);
  return r.rows;
}

const utf16 = (text: string, order: "le" | "be") => {
  const le = Buffer.from(`\uFEFF${text}`, "utf16le");
  return order === "le" ? le : Buffer.from(le).swap16();
};

describe("CsvParser in pieces", () => {
  it("gives the rows of the whole text for every way of cutting it (quotes, CRLF and the BOM across cuts)", () => {
    const whole = parseCsv(TEXT).rows;
    expect(whole[1]).toEqual(["Oak, Primary", 'said "hi"\r\nthere', "£1", "200"]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: TEXT.length }), { maxLength: 12 }), (cuts) => {
        expect(inPieces(TEXT, cuts)).toEqual(whole);
      }),
    );
    for (let i = 0; i <= TEXT.length; i++) expect(inPieces(TEXT, [i])).toEqual(whole);
  });

  it("stops at the row budget without reading on", () => {
    const p = new CsvParser(2);
    p.push("a\nb\nc\nd\n");
    expect(p.over).toBe("rows");
    expect(p.rows).toEqual([["a"], ["b"]]);
    expect(p.lineNumber).toBe(3);
  });
});

describe("readCsv", () => {
  const bytes = (s: string) => Buffer.from(s, "utf8");

  it.each(["le", "be"] as const)("decodes UTF-16 %s with its byte-order mark, in any chunk size", (order) => {
    const data = utf16("Name,Amount\r\nSt Thérèse,£1200\r\n", order);
    for (const size of [1, 3, 7, data.length]) {
      const chunks = Array.from({ length: Math.ceil(data.length / size) }, (_, i) =>
        data.subarray(i * size, (i + 1) * size),
      );
      const src = readCsv("u16.csv", () => chunks);
      expect(src.errors).toEqual([]);
      expect(src.sheets[0].rows).toEqual([
        ["Name", "Amount"],
        ["St Thérèse", "£1200"],
      ]);
    }
  });

  it('reads Excel\'s "Unicode Text" save (UTF-16 LE, tab-separated); a comma in the first line keeps commas', () => {
    const tsv = readCsv("u.txt", () => [utf16("Name\tAmount\r\nOak, Primary\t£1,200\r\n", "le")]);
    expect(tsv.sheets[0].rows).toEqual([
      ["Name", "Amount"],
      ["Oak, Primary", "£1,200"],
    ]);
    const pieces = Buffer.from(utf16("Name\tAmount\r\nOak\t1\r\n", "le"));
    const one = readCsv("u.txt", () => Array.from(pieces, (b) => Uint8Array.of(b)));
    expect(one.sheets[0].rows).toEqual([
      ["Name", "Amount"],
      ["Oak", "1"],
    ]);
    const csv = readCsv("c.csv", () => [bytes("Name,Note\nOak,a\tb\n")]);
    expect(csv.sheets[0].rows[1]).toEqual(["Oak", "a\tb"]);
  });

  it("reads a file that is not UTF-8 again as Windows-1252, even when the bad byte is in a later chunk", () => {
    const chunks = [bytes("Name,Phase\nSt Thomas"), Uint8Array.from([0xe0, 0x80]), bytes(",Primary\n")];
    const src = readCsv("schools.csv", () => chunks);
    expect(src.sheets[0].rows[1]).toEqual(["St Thomasà€", "Primary"]);
    expect(src.errors[0]).toMatch(/not UTF-8: read as Windows-1252/);
  });

  it("refuses an unclosed quote with its line instead of writing the rows before it", async () => {
    const text = 'Name,Pupils\nA,1\n"B,2\nC,3\nD,4\n';
    await expect(readSource("q.csv", bytes(text))).rejects.toThrow(
      new SourceProblem(
        "q.csv line 3: a quoted field is never closed (every line after it would be one cell); close or remove that quote",
      ),
    );
  });

  it("reports NUL characters with the line of the first (never strips them)", () => {
    expect(() => readCsv("n.csv", () => [bytes("Name,Pupils\nA,1\nB\0,2\nC\0,3\n")])).toThrow(
      /^n\.csv line 3: the file holds 2 NUL character\(s\) \(code 0\): it is damaged, or UTF-16 without a byte-order mark/,
    );
  });

  it("refuses a file over the row budget, naming the line it stopped at, without pulling the rest", () => {
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled++;
        yield bytes("x,1\n".repeat(1000));
      }
    }
    expect(() => readCsv("big.csv", endless, { maxRows: 5000 }, { rows: "--max-rows", cells: "--max-cells" })).toThrow(
      "big.csv has more than 5,000 rows (stopped reading at line 5,001): split the file, or raise the limit with --max-rows",
    );
    expect(pulled).toBe(6);
    pulled = 0;
    expect(() => readCsv("wide.csv", endless, { maxRows: 5000, maxCells: 3001 })).toThrow(
      "wide.csv has more than 3,001 cells (stopped reading at line 1,501): split the file",
    );
    expect(pulled).toBe(2);
  });
});
