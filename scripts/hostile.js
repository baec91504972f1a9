#!/usr/bin/env node
// `npm run hostile`: the hostile-input suite (test/hostile) at issue 13's sizes; see test/hostile/main.ts.
"use strict";
process.env.TSX_DISABLE_CACHE = "1"; // no compiled code from the shared temp folder (see bin/send-model.js)
require("tsx/cjs/api").register();
const { main } = require("../test/hostile/main.ts");
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e);
    process.exitCode = 1;
  },
);
