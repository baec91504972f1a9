#!/usr/bin/env node
// send-model: runs the TypeScript CLI (src/cli/main.ts) through tsx's CommonJS loader, no build step.
// tsx's compile cache lives in the shared temp folder ($TMPDIR/tsx-<uid>) under predictable names: another
// user could plant compiled code there that the next run would execute. So the cache is switched off, before
// tsx loads (it reads the variable once); test/cli/nocache.test.ts proves no tsx folder is created or read.
"use strict";
process.env.TSX_DISABLE_CACHE = "1";
require("tsx/cjs/api").register();
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
