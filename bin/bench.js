#!/usr/bin/env node
// `npm run bench`: runs bench/main.ts through tsx. A full GC between measured runs keeps one run's
// garbage off the next, so expose gc when node was not started with --expose-gc.
if (typeof globalThis.gc !== "function") {
  require("v8").setFlagsFromString("--expose-gc");
  globalThis.gc = require("vm").runInNewContext("gc");
}
process.env.TSX_DISABLE_CACHE = "1"; // no compiled code from the shared temp folder (see bin/send-model.js)
require("tsx/cjs/api").register();
const { main } = require("../bench/main.ts");
main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
