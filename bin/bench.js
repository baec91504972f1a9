#!/usr/bin/env node
// `npm run bench`: runs bench/main.ts through tsx. A full GC between measured runs keeps one run's
// garbage off the next, so expose gc when node was not started with --expose-gc.
if (typeof globalThis.gc !== "function") {
  require("v8").setFlagsFromString("--expose-gc");
  globalThis.gc = require("vm").runInNewContext("gc");
}
require("./register-ts"); // tsx without its cache or IPC pipe in the shared temp folder
const { main } = require("../bench/main.ts");
main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
