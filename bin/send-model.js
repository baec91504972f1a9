#!/usr/bin/env node
// send-model: runs the TypeScript CLI (src/cli/main.ts) through tsx's CommonJS loader, no build step.
"use strict";
require("tsx/cjs/api").register();
const { main } = require("../src/cli/main.ts");

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`send-model: unexpected error: ${e && e.message ? e.message : e}\n`); process.exitCode = 2; },
);
