// Preloaded into a measured child (node --require): writes its own peak RSS in KB (bench/lib/peakRss.js: VmHWM,
// not getrusage's maxRSS, which survives exec) to $SEND_RSS_REPORT at exit.
"use strict";
const fs = require("fs");
const { peakKb } = require("../../bench/lib/peakRss");
const file = process.env.SEND_RSS_REPORT;

if (file) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(file, String(peakKb()));
    } catch {
      // nothing to report to
    }
  });
}
