// Files in and out: inputs checked before any heavy work (one clear line when wrong); output never
// overwrites an input and never leaves a half-written file behind.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** A problem the user can fix (bad path, unreadable file): the CLI prints its message on one line. */
export class FileProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FileProblem";
  }
}

/** True when both paths name the same file (same resolved path, or same inode when both exist). */
export function samePath(a: string, b: string): boolean {
  const ra = path.resolve(a);
  const rb = path.resolve(b);
  if (ra === rb) return true;
  try {
    const sa = fs.statSync(ra);
    const sb = fs.statSync(rb);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** Throws a FileProblem when `out` is one of the protected input files. */
export function refuseOverwrite(out: string, inputs: readonly string[]): void {
  for (const input of inputs) {
    if (samePath(out, input)) throw new FileProblem(`refusing to overwrite the input file ${input}: choose another --out`);
  }
}

/**
 * Writes `data` to `file` atomically: a temporary file in the same directory, then a rename (atomic on
 * one file system), so readers see the old file or the complete new one, never a partial one.
 */
export function writeFileAtomic(file: string, data: Buffer | string, inputs: readonly string[] = []): void {
  refuseOverwrite(file, inputs);
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) throw new FileProblem(`output folder does not exist: ${dir}`);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Throws a FileProblem unless `file` is an existing regular file that starts like a zip package (an xlsx
 * file is one). Cheap: lets the CLI answer at once for a missing, legacy .xls, .csv or encrypted file.
 */
export function checkXlsxInput(file: string): Buffer {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch {
    throw new FileProblem(`file not found: ${file}`);
  }
  if (!st.isFile()) throw new FileProblem(`not a file: ${file}`);
  const data = fs.readFileSync(file);
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new FileProblem(`not an xlsx workbook (not a zip package; legacy .xls, .csv and password-protected files are not supported): ${file}`);
  }
  return data;
}
