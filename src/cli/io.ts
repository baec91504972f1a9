// Where the CLI writes: stdout for results only (so `--json` output can be piped), stderr for progress
// and errors. Injected so tests can run commands in-process.
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Progress lines on stderr ("send-model: reading x.xlsx"), with the elapsed time; silent when quiet. */
export function progress(io: CliIo, quiet: boolean): (message: string) => void {
  const start = Date.now();
  return (message) => {
    if (!quiet) io.err(`send-model: ${message} (${((Date.now() - start) / 1000).toFixed(1)} s)\n`);
  };
}
