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
    if (samePath(out, input))
      throw new FileProblem(`refusing to overwrite the input file ${input}: choose another --out`);
  }
}

/** Filesystem error codes a user can act on: reported in one line (exit 1), never as an internal error. */
const FS_REASONS: Record<string, string> = {
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large for the file system",
  ENOENT: "no such file or folder",
  EMFILE: "too many open files",
  EIO: "input/output error",
  ENAMETOOLONG: "file name too long",
  ELOOP: "too many symbolic links",
  EBUSY: "resource busy",
};

/** A FileProblem for a filesystem error (`action` e.g. "cannot write out.xlsx"), or undefined for any other error. */
export function fileProblemOf(e: unknown, action: string): FileProblem | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string" || !(code in FS_REASONS)) return undefined;
  return new FileProblem(`${action}: ${FS_REASONS[code]} (${code})`);
}

/**
 * Checks, before any work, that `file` can be written: its folder exists and is writable, and `file`
 * itself is not a folder or an input. Throws a FileProblem naming what is wrong.
 */
export function checkOutput(file: string, inputs: readonly string[] = []): void {
  refuseOverwrite(file, inputs);
  const target = path.resolve(file);
  const dir = path.dirname(target);
  let st: fs.Stats;
  try {
    st = fs.statSync(dir);
  } catch {
    throw new FileProblem(`output folder does not exist: ${dir}`);
  }
  if (!st.isDirectory()) throw new FileProblem(`output folder is not a folder: ${dir}`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new FileProblem(`cannot write to the output folder ${dir}: permission denied (EACCES)`);
  }
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new FileProblem(`cannot write ${file}: it is a folder (EISDIR)`);
}

/**
 * The permission bits for a file about to be written: an existing file keeps its own; a new one takes the
 * most private of its inputs' modes (a 0600 workbook's recalculated copy stays 0600), else the umask default.
 */
function modeFor(target: string, inputs: readonly string[]): number | undefined {
  try {
    return fs.statSync(target).mode & 0o7777;
  } catch {
    // a new file
  }
  let mode: number | undefined;
  for (const input of inputs) {
    try {
      const m = fs.statSync(input).mode & 0o666;
      mode = mode === undefined ? m : mode & m;
    } catch {
      // an input that is gone: ignore
    }
  }
  return mode;
}

/**
 * Writes `data` to `file` atomically: a temporary file in the same directory (created exclusively, with the
 * target's mode), flushed to disk (fsync), then a rename (atomic on one file system), so readers see the old
 * file or the complete new one, never a partial one. Filesystem errors become one-line FileProblems.
 */
export function writeFileAtomic(file: string, data: Buffer | string, inputs: readonly string[] = []): void {
  checkOutput(file, inputs);
  const target = path.resolve(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`);
  const mode = modeFor(target, inputs);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, "wx", mode ?? 0o666);
    if (mode !== undefined) fs.fchmodSync(fd, mode); // exact bits, whatever the umask
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, target);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw fileProblemOf(e, `cannot write ${file}`) ?? e;
  }
  syncFolder(dir);
}

/** Flushes a folder's entry list, so the rename survives a power cut (best effort: not every platform can). */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, "r");
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; the rename is still atomic
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
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
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch (e) {
    throw fileProblemOf(e, `cannot read ${file}`) ?? e;
  }
  if (data.length < 4 || data.readUInt32LE(0) !== 0x04034b50) {
    throw new FileProblem(
      `not an xlsx workbook (not a zip package; legacy .xls, .csv and password-protected files are not supported): ${file}`,
    );
  }
  return data;
}
