// `send-model … | head`: when the reader closes the pipe early, writing to stdout fails with EPIPE.
// That is the reader's choice, not an error: stop quietly instead of printing Node's stack trace.
export function quietOnClosedPipe(
  stream: NodeJS.WriteStream,
  exit: (code: number) => void = (c) => process.exit(c),
): void {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") exit(0);
    else throw e;
  });
}
