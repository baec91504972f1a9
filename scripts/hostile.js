#!/usr/bin/env node
// `npm run hostile`: the hostile-input suite (test/hostile) at issue 13's sizes; see test/hostile/main.ts.
"use strict";
require("../bin/register-ts"); // tsx without its cache or IPC pipe in the shared temp folder
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
