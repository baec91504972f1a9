#!/usr/bin/env node
// The README's licence table: production dependencies (security/allowed-dependencies.json) by licence.
const fs = require("node:fs");
const path = require("node:path");

function licenceSummary() {
  const allowed = JSON.parse(fs.readFileSync(path.join(__dirname, "../security/allowed-dependencies.json"), "utf8"));
  const notes = JSON.parse(fs.readFileSync(path.join(__dirname, "../security/license-notes.json"), "utf8"));
  const by = new Map();
  for (const p of allowed) {
    const lic = notes[p.name] ? `${p.license} (see note)` : p.license;
    if (!by.has(lic)) by.set(lic, []);
    by.get(lic).push(p.name);
  }
  const rows = [...by.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .map(
      ([lic, names]) =>
        `| ${lic} | ${names.length} | ${names.length <= 4 ? names.join(", ") : `${names.slice(0, 3).join(", ")}, …`} |`,
    );
  const noteRows = Object.entries(notes).map(([name, text]) => `- \`${name}\`: ${text}`);
  return [
    `${allowed.length} packages ship in production (\`npm ls --omit=dev --all\`), each on the reviewed allow-list \`security/allowed-dependencies.json\`:`,
    "",
    "| licence | packages | e.g. |",
    "|---|---|---|",
    ...rows,
    "",
    "Notes:",
    ...noteRows,
  ].join("\n");
}

module.exports = { licenceSummary };
if (require.main === module) console.log(licenceSummary());
