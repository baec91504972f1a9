// Preloaded into a measured child (node --require): writes its peak RSS in KB to $SEND_RSS_REPORT at exit.
// VmHWM (/proc/self/status) is this program's own high-water mark. getrusage's maxRSS is not: Linux keeps it
// across exec, so a child spawned by a 470 MB jest worker reports at least 470 MB whatever it used itself.
"use strict";
const fs = require("fs");
const file = process.env.SEND_RSS_REPORT;

function peakKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]);
  } catch {
    // no /proc: fall back to getrusage
  }
  return process.resourceUsage().maxRSS;
}

if (file) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(file, String(peakKb()));
    } catch {
      // nothing to report to
    }
  });
}
