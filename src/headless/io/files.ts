// Files in and out: inputs checked before any heavy work (one clear line when wrong); output never
// overwrites an input and never leaves a half-written file behind.
import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import os from "node:os";

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

/** Bytes in one file name on the file systems in use (ext4, APFS, NTFS: 255). */
const MAX_NAME_BYTES = 255;

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
  } catch (e) {
    // the real reason: a read-only file system (EROFS) is not a permission problem
    throw fileProblemOf(e, `cannot write ${file}`) ?? e;
  }
  if (Buffer.byteLength(path.basename(target)) > MAX_NAME_BYTES)
    throw new FileProblem(
      `cannot write ${file}: file name too long (ENAMETOOLONG): ${Buffer.byteLength(path.basename(target))} bytes, the limit is ${MAX_NAME_BYTES}`,
    );
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fileProblemOf(e, `cannot write ${file}`) ?? e;
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
  sweepStaleTemps(dir);
  const tmp = path.join(dir, `${TEMP_PREFIX}${process.pid}-${crypto.randomBytes(4).toString("hex")}.tmp`);
  const mode = modeFor(target, inputs);
  let fd: number | undefined;
  holdSignals();
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
  } finally {
    releaseSignals();
  }
  syncFolder(dir);
}

/**
 * Temporary files are short (".send-model-<pid>-<8 hex>.tmp", about 30 bytes) whatever the output's name, so a
 * legal 245-byte name never fails on its temporary one, and an error never names the temporary file.
 */
const TEMP_PREFIX = ".send-model-";
const TEMP_NAME = /^\.send-model-(\d+)-[0-9a-f]{8}\.tmp$/;

/** Removes temporary files left in `dir` by send-model runs that are gone (killed with -9, or a power cut). */
function sweepStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => TEMP_NAME.test(n));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(TEMP_NAME.exec(name)![1]);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { force: true });
    } catch {
      // another user's file in a shared folder: theirs to remove
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

/**
 * SIGINT/SIGTERM during a write: the write is synchronous, so with a listener installed the signal waits until
 * the temporary file is renamed or removed, then ends the process as the signal would (exit 128 + its number).
 * Without one, the default action would kill the process mid-write and leave the temporary file behind. The
 * listeners are removed two turns of the event loop later, after a signal caught meanwhile has been delivered.
 */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let held = 0;
function onSignal(signal: NodeJS.Signals): void {
  process.exit(128 + (os.constants.signals[signal] ?? 1));
}
function holdSignals(): void {
  if (held++ === 0) for (const s of SIGNALS) process.on(s, onSignal);
}
function releaseSignals(): void {
  setImmediate(() =>
    setImmediate(() => {
      if (--held === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
    }),
  );
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
