#!/usr/bin/env node
// send-model: runs the TypeScript CLI (src/cli/main.ts) through tsx's CommonJS loader, no build step.
"use strict";
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");
const { quietOnClosedPipe } = require("../src/cli/pipe.ts");

// `send-model recalc x.xlsx --json | head`: a reader that stops early is not an error
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`send-model: unexpected error: ${e && e.message ? e.message : e}\n`); process.exitCode = 2; },
);
