// Reading the user's input files, bounded. Every input (workbook, school list, mapping, caseload file) is
// opened without blocking and checked on the open descriptor: a FIFO, a device such as /dev/zero, a folder or a
// socket is refused at once with its kind (a FIFO would hang, /dev/zero would grow without end); a regular file
// larger than the command's budget is refused before a byte is read; reads stop at the budget even when the
// file grows meanwhile.
import fs from "node:fs";
import { FileProblem, fileProblemOf } from "./files";
import { DEFAULT_ZIP_LIMITS } from "./zipGuard";

/** What a path is when it is not a regular file, as a user would say it. */
function kindOf(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return "a folder";
  if (st.isFIFO()) return "a named pipe (FIFO)";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "not a regular file";
}

export const fmtSize = (n: number): string =>
  n >= 1e9
    ? `${(n / 1e9).toFixed(1)} GB`
    : n >= 1e6
      ? `${(n / 1e6).toFixed(1)} MB`
      : `${n.toLocaleString("en-GB")} bytes`;

/** What an input is called in messages ("the mapping x.json"), and the most it may hold. */
export interface InputSpec {
  what?: string;
  maxBytes: number;
  /** how to raise the limit, e.g. "raise it with --max-bytes" (omitted: no flag raises it) */
  raise?: string;
}

const label = (file: string, spec: InputSpec) => (spec.what ? `the ${spec.what} ${file}` : file);

function tooBig(file: string, spec: InputSpec, size: string): FileProblem {
  return new FileProblem(
    `refusing ${label(file, spec)}: it holds ${size} (limit ${fmtSize(spec.maxBytes)}${spec.raise ? `; ${spec.raise}` : ""})`,
  );
}

/** Opens `file` for reading; throws a FileProblem (naming its kind) unless it is a regular file within the budget. */
export function openInput(file: string, spec: InputSpec): { fd: number; size: number } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO with no writer returns at once (then refused below) instead of hanging
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new FileProblem(
        spec.what ? `cannot read the ${spec.what} ${file}: file not found` : `file not found: ${file}`,
      );
    if (code === "EISDIR")
      throw new FileProblem(`cannot read ${label(file, spec)}: it is a folder, not a regular file`);
    throw fileProblemOf(e, `cannot read ${label(file, spec)}`) ?? e;
  }
  const st = fs.fstatSync(fd);
  const kind = kindOf(st);
  if (kind) {
    fs.closeSync(fd);
    throw new FileProblem(`cannot read ${label(file, spec)}: it is ${kind}, not a regular file`);
  }
  if (st.size > spec.maxBytes) {
    fs.closeSync(fd);
    throw tooBig(file, spec, fmtSize(st.size));
  }
  return { fd, size: st.size };
}

/** Throws a FileProblem unless `file` is a regular file within the budget (reads nothing). */
export function checkInput(file: string, spec: InputSpec): void {
  fs.closeSync(openInput(file, spec).fd);
}

/** The file's bytes, piece by piece (`chunkBytes` each), stopping with a FileProblem past the budget. */
export function* inputChunks(file: string, spec: InputSpec, chunkBytes = 1 << 20): Generator<Buffer> {
  const { fd } = openInput(file, spec);
  try {
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(chunkBytes);
      const n = readAt(fd, file, spec, buf, 0);
      if (n === 0) return;
      total += n;
      if (total > spec.maxBytes) throw tooBig(file, spec, `more than ${fmtSize(spec.maxBytes)}`);
      yield n === chunkBytes ? buf : buf.subarray(0, n);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The whole file, read within the budget (a regular file only). */
export function readInput(file: string, spec: InputSpec): Buffer {
  const { fd, size } = openInput(file, spec);
  try {
    // the size it has now, plus one byte to see whether it grew meanwhile (a grown file is read again below)
    const buf = Buffer.allocUnsafe(size + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n < buf.length; n += got) got = readAt(fd, file, spec, buf, n);
    if (n <= size) return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
  return Buffer.concat([...inputChunks(file, spec, 4 << 20)]);
}

function readAt(fd: number, file: string, spec: InputSpec, buf: Buffer, at: number): number {
  try {
    return fs.readSync(fd, buf, at, buf.length - at, null);
  } catch (e) {
    throw fileProblemOf(e, `cannot read ${label(file, spec)}`) ?? e;
  }
}

/** The whole file as UTF-8 text (a byte-order mark dropped), read within the budget. */
export function readInputText(file: string, spec: InputSpec): string {
  return new TextDecoder("utf-8").decode(readInput(file, spec));
}

/**
 * The bytes of `file`, an existing regular file within `maxBytes` that starts like a zip package (an xlsx file
 * is one); else a FileProblem. Cheap: lets the CLI answer at once for a missing, legacy .xls, .csv or encrypted
 * file, a FIFO or a device.
 */
export function checkXlsxInput(file: string, maxBytes = DEFAULT_ZIP_LIMITS.maxBytes, raise?: string): Buffer {
  const data = readInput(file, { maxBytes, raise });
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new FileProblem(
      `not an xlsx workbook (not a zip package; legacy .xls, .csv and password-protected files are not supported): ${file}`,
    );
  }
  return data;
}
