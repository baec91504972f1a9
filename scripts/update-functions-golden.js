#!/usr/bin/env node
// Regenerates test/golden/functions.json: the custom-functions metadata Excel reads (functions.json), generated from
// the JSDoc in src/functions/functions.ts and finished by scripts/addin/functions-json.js, stamped with the manifest <Version> it ships under.
//
// Excel caches custom-function metadata per add-in version, so changed metadata under an unchanged version may never
// reach users. This script therefore refuses to run unless manifest.xml's <Version> differs from the golden's:
// bump the Version first, then run it. (The first run, with no golden yet, is allowed.)
//   node scripts/update-functions-golden.js
"use strict";
const fs = require("fs");
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { shippedMetadata } = require("./addin/functions-json.js");

const ROOT = path.join(__dirname, "..");
const SOURCE = path.join(ROOT, "src/functions/functions.ts");
const MANIFEST = path.join(ROOT, "manifest.xml");
const GOLDEN = path.join(ROOT, "test/golden/functions.json");

function manifestVersion() {
  const m = /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(fs.readFileSync(MANIFEST, "utf8"));
  if (!m) throw new Error(`no <Version> in ${MANIFEST}`);
  return m[1];
}

async function main() {
  const version = manifestVersion();
  const golden = fs.existsSync(GOLDEN) ? JSON.parse(fs.readFileSync(GOLDEN, "utf8")) : null;
  if (golden && golden.manifestVersion === version) {
    console.error(
      `Refusing to update ${path.relative(ROOT, GOLDEN)}: it already records manifest Version ${version}.\n` +
        `Bump <Version> in manifest.xml first (Excel caches function metadata per version), then run this again.`,
    );
    process.exit(1);
  }
  const { metadataJson, errors } = await generateCustomFunctionsMetadata([SOURCE], true);
  if (errors.length > 0) {
    console.error(errors.join("\n"));
    process.exit(1);
  }
  const out = { manifestVersion: version, metadata: shippedMetadata(JSON.parse(metadataJson)) };
  fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
  fs.writeFileSync(GOLDEN, JSON.stringify(out, null, 2) + "\n");
  console.log(
    `Wrote ${path.relative(ROOT, GOLDEN)} for manifest Version ${version} (${out.metadata.functions.length} functions).`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
