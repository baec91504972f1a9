#!/usr/bin/env node
// send-model: runs the TypeScript CLI (src/cli/main.ts) through tsx's CommonJS loader, no build step.
// Nothing compiled into, or read from, the shared temp folder, and no tsx IPC pipe there: see register-ts.js.
"use strict";
require("./register-ts");
const { main } = require("../src/cli/main.ts");
const { quietOnClosedPipe } = require("../src/cli/pipe.ts");

// `send-model recalc x.xlsx --json | head`: a reader that stops early is not an error
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`send-model: internal error (please report it): ${e && e.message ? e.message : e}\n`);
    process.exitCode = 2;
  },
);
