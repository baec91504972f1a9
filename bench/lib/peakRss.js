// This process's own peak resident set size, in KB: VmHWM from /proc/self/status. getrusage's maxRSS is not a
// process's own: Linux keeps it across exec, so a child spawned by a 470 MB parent reports at least 470 MB
// whatever it used itself. Plain CommonJS, so a script preloaded with `node --require` (before tsx) can use it.
"use strict";
const fs = require("fs");

function peakKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

module.exports = { peakKb };
