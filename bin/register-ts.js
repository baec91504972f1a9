// Loads the TypeScript sources through tsx's CommonJS register API (no build step), without touching the shared
// temp folder:
// - tsx's compile cache ($TMPDIR/tsx-<uid>) has predictable names another user could plant compiled code in, so it
//   is switched off before tsx loads (it reads the variable once); test/cli/nocache.test.ts proves it;
// - tsx's register module connects, as it loads, to the IPC pipe its `tsx` CLI would listen on
//   ($TMPDIR/tsx-<uid>/<parent pid>.pipe) and sends it the path of every module it loads: whoever listens there
//   learns them. tsx has no switch for it, and the pipe's path is fixed when the module loads, so TMPDIR points
//   into /dev/null (no folder can exist there: the connection fails at once) for that moment only.
"use strict";
process.env.TSX_DISABLE_CACHE = "1";
const vars = ["TMPDIR", "TMP", "TEMP"];
const saved = vars.map((v) => process.env[v]);
for (const v of vars) process.env[v] = "/dev/null/no-tsx-ipc";
try {
  require("tsx/cjs/api").register();
} finally {
  vars.forEach((v, i) => {
    if (saved[i] === undefined) delete process.env[v];
    else process.env[v] = saved[i];
  });
}
