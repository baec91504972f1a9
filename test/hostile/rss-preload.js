// Preloaded into a measured child (node --require): writes its peak RSS in KB to $SEND_RSS_REPORT at exit.
"use strict";
const file = process.env.SEND_RSS_REPORT;
if (file) {
  process.on("exit", () => {
    try {
      require("fs").writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // nothing to report to
    }
  });
}
