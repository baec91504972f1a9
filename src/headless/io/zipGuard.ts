// Bounded memory on hostile zips. An xlsx file is a zip package; a few MB on disk can declare, or secretly
// inflate to, gigabytes (a "zip bomb"). Before exceljs inflates anything, every entry is checked:
// - from the central directory: entry count, each declared uncompressed size, the declared total and ratio;
// - then each entry is inflated as a stream and thrown away chunk by chunk (nothing kept): its actual size
//   must not pass its declared size, the running total must stay under the cap, the ratio is checked as the
//   bytes come, and cells (<c …>) in worksheets are counted against the cell cap.
// The first limit crossed stops the work at once with one line naming the entry, the size and the flag.
import zlib from "node:zlib";
import { FileProblem } from "./files";

export interface ZipLimits {
  /** total uncompressed bytes of all entries */
  maxBytes: number;
  /** cells in all worksheets */
  maxCells: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxBytes: 200_000_000, maxCells: 2_000_000 };
/** Entries in a package: an xlsx has tens; a million is a central-directory bomb. */
const MAX_ENTRIES = 10_000;
/**
 * Compression ratio refused once an entry has inflated past RATIO_FROM bytes. Real worksheets compress 5–40×
 * (a million identical rows about 60×); deflate's ceiling is about 1,030×, where bombs sit.
 */
const MAX_RATIO = 250;
const RATIO_FROM = 8_000_000;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const fmtBytes = (n: number) =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(1)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)} MB`
      : `${n.toLocaleString("en-GB")} bytes`;
const fmt = (n: number) => n.toLocaleString("en-GB");

function corrupt(label: string, why: string): FileProblem {
  return new FileProblem(`could not read ${label} as an xlsx workbook: the zip package is damaged (${why})`);
}

/** Reads the zip central directory (ZIP64 included) without inflating anything. */
export function zipEntries(data: Buffer, label = "workbook"): ZipEntry[] {
  const from = Math.max(0, data.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = data.length - 22; i >= from; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt(label, "no end-of-archive record: the file is truncated");
  let count = data.readUInt16LE(eocd + 10);
  let cdOffset = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    // no ZIP64 record: the 16-bit count is all there is (65,535 entries is over the limit anyway)
    if (loc < 0 || data.readUInt32LE(loc) !== 0x07064b50) return entriesAt(data, label, count, cdOffset);
    const z = Number(data.readBigUInt64LE(loc + 8));
    if (z < 0 || z + 56 > data.length || data.readUInt32LE(z) !== 0x06064b50) throw corrupt(label, "bad ZIP64 record");
    count = Number(data.readBigUInt64LE(z + 32));
    cdOffset = Number(data.readBigUInt64LE(z + 48));
  }
  return entriesAt(data, label, count, cdOffset);
}

function entriesAt(data: Buffer, label: string, count: number, cdOffset: number): ZipEntry[] {
  if (count > MAX_ENTRIES)
    throw new FileProblem(
      `refusing ${label}: its zip package lists ${fmt(count)} entries (an xlsx has tens; the limit is ${fmt(MAX_ENTRIES)})`,
    );
  const out: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== 0x02014b50) throw corrupt(label, "bad central directory");
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const name = data.toString("utf8", p + 46, p + 46 + nameLen);
    let compressedSize = data.readUInt32LE(p + 20);
    let size = data.readUInt32LE(p + 24);
    let localOffset = data.readUInt32LE(p + 42);
    // ZIP64 extra field: the 8-byte values of whichever fields are 0xFFFFFFFF, in this order
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end && e + 4 <= data.length) {
      const id = data.readUInt16LE(e);
      const len = data.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + len ? Number(data.readBigUInt64LE(q)) : NaN;
          q += 8;
          return v;
        };
        if (size === 0xffffffff) size = next();
        if (compressedSize === 0xffffffff) compressedSize = next();
        if (localOffset === 0xffffffff) localOffset = next();
      }
      e += 4 + len;
    }
    if (![size, compressedSize, localOffset].every(Number.isFinite)) throw corrupt(label, `bad sizes for ${name}`);
    out.push({ name, method: data.readUInt16LE(p + 10), compressedSize, size, localOffset });
    p = end + commentLen;
  }
  return out;
}

/** Where an entry's compressed bytes start (after its local header). */
function dataStart(data: Buffer, e: ZipEntry, label: string): number {
  const p = e.localOffset;
  if (p + 30 > data.length || data.readUInt32LE(p) !== 0x04034b50)
    throw corrupt(label, `bad local header for ${e.name}`);
  const start = p + 30 + data.readUInt16LE(p + 26) + data.readUInt16LE(p + 28);
  if (start + e.compressedSize > data.length)
    throw corrupt(label, `${e.name} runs past the end of the file: the file is truncated`);
  return start;
}

const CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/g;
const ONE_CELL = /<(?:[A-Za-z_][\w.-]*:)?c[\s>/]/;
const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/**
 * Checks a package against the limits, inflating each entry as a stream and keeping none of it. Throws a
 * FileProblem (one line, naming the entry, the size, the limit and the flag that raises it) at the first
 * limit crossed.
 */
export async function checkZip(
  data: Buffer,
  label = "workbook",
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<void> {
  const entries = zipEntries(data, label);
  const raise = (what: string) => `refusing ${label}: ${what}`;
  let declared = 0;
  for (const e of entries) {
    declared += e.size;
    if (e.method !== 0 && e.method !== 8)
      throw new FileProblem(raise(`${e.name} uses compression method ${e.method} (xlsx uses deflate)`));
    if (declared > limits.maxBytes) {
      throw new FileProblem(
        raise(
          `it declares ${fmtBytes(declared)} or more uncompressed (limit ${fmtBytes(limits.maxBytes)}; raise it with --max-bytes)`,
        ),
      );
    }
  }
  let total = 0;
  let cells = 0;
  for (const e of entries) {
    const start = dataStart(data, e, label);
    const body = data.subarray(start, start + e.compressedSize);
    const counting = isWorksheet(e.name);
    let size = 0;
    let carry = "";
    const check = (chunk: Buffer, consumed: number): string | undefined => {
      size += chunk.length;
      total += chunk.length;
      if (size > e.size)
        return `${e.name} inflates past its declared ${fmtBytes(e.size)} (the package lies about its sizes)`;
      if (total > limits.maxBytes)
        return `it inflates to more than ${fmtBytes(limits.maxBytes)} (raise the limit with --max-bytes)`;
      if (size > RATIO_FROM && size > MAX_RATIO * Math.max(1, consumed)) {
        return `${e.name} inflates more than ${MAX_RATIO}× (${fmtBytes(consumed)} to over ${fmtBytes(size)}): a zip bomb`;
      }
      if (counting) {
        const text = carry + chunk.toString("latin1");
        CELL.lastIndex = 0;
        while (CELL.exec(text) !== null) cells++;
        // a tag split between chunks: keep the unfinished tail (never one already counted)
        const lt = text.lastIndexOf("<");
        carry = lt >= 0 && text.length - lt < 24 && !ONE_CELL.test(text.slice(lt)) ? text.slice(lt) : "";
        if (cells > limits.maxCells)
          return `its worksheets hold more than ${fmt(limits.maxCells)} cells (raise the limit with --max-cells)`;
      }
      return undefined;
    };
    if (e.method === 0) {
      const problem = check(body, body.length);
      if (problem) throw new FileProblem(raise(problem));
      continue;
    }
    await inflateChecked(body, check, (why) => corrupt(label, `${e.name}: ${why}`), raise);
  }
}

/** Inflates `body` chunk by chunk, handing each to `check`; stops at once when it returns a problem. */
function inflateChecked(
  body: Buffer,
  check: (chunk: Buffer, consumed: number) => string | undefined,
  damaged: (why: string) => FileProblem,
  raise: (what: string) => string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
    let done = false;
    const finish = (err?: Error) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners("data");
      inflate.destroy();
      if (err) reject(err);
      else resolve();
    };
    inflate.on("data", (chunk: Buffer) => {
      const problem = check(chunk, inflate.bytesWritten); // compressed bytes consumed so far
      if (problem) finish(new FileProblem(raise(problem)));
    });
    inflate.on("error", (e) => finish(damaged(e.message)));
    inflate.on("end", () => finish());
    inflate.end(body);
  });
}
