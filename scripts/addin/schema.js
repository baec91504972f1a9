// Validates an add-in manifest the way Office does, offline: against Microsoft's manifest XSDs kept in
// schemas/manifest/ (byte-identical copies; see the README there), run with Debian's xmllint (libxml2-utils).
// The copies are the last ones Microsoft published in OfficeDev/office-js-docs-pr (2020). As stored they do not
// compile anywhere but .NET, so prepareSchemas() writes a patched set to a temporary folder; every patch is listed
// in PATCHES and in the README. They predate <Runtimes> (shared runtime, VersionOverrides 1.0 Host child): that one
// element is blanked out before validation and checked by the documented rules in test/addin/manifest.test.ts.
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawnSync } = require("child_process");

const SCHEMA_DIR = path.join(__dirname, "../../schemas/manifest");
const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";
const CONTENT_NS = "http://schemas.microsoft.com/office/contentappversionoverrides";

/** Each patch: the file it applies to ("*" = all), what it fixes, and the replacement (must change something). */
const PATCHES = [
  {
    file: "*",
    why: "the XML Schema namespace is written https://www.w3.org/2001/XMLSchema; it is http://",
    apply: (s) =>
      s.replace('xmlns:xs="https://www.w3.org/2001/XMLSchema"', 'xmlns:xs="http://www.w3.org/2001/XMLSchema"'),
  },
  {
    file: "*",
    why: "the version pattern ends in a lazy quantifier {0,3}? (a .NET regex); XSD has none, and for a whole-value match {0,3} is the same",
    apply: (s) => s.split("{0,3}?").join("{0,3}"),
  },
  {
    file: ROOT_SCHEMA,
    why: "ContentAppVersionOverridesV1_0.xsd was never published with the others: content apps' VersionOverrides is accepted unchecked (xs:any) instead of failing to compile",
    apply: (s) =>
      s
        .replace(/\s*<xs:import schemaLocation="ContentAppVersionOverridesV1_0\.xsd"[^>]*\/>/, "")
        .replace(
          /<xs:element ref="contentor:VersionOverrides"[\s\S]*?<\/xs:element>/,
          `<xs:any namespace="${CONTENT_NS}" processContents="skip" minOccurs="0" maxOccurs="1"/>`,
        ),
  },
];

let prepared;
/** Writes the patched schemas to a temporary folder (once per process) and returns the root schema's path. */
function prepareSchemas() {
  if (prepared && fs.existsSync(prepared)) return prepared;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "send-manifest-xsd-"));
  const files = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
  const unused = new Set(PATCHES);
  for (const file of files) {
    let text = fs.readFileSync(path.join(SCHEMA_DIR, file), "utf8");
    for (const patch of PATCHES.filter((p) => p.file === "*" || p.file === file)) {
      const next = patch.apply(text);
      if (next !== text) unused.delete(patch);
      text = next;
    }
    fs.writeFileSync(path.join(dir, file), text);
  }
  // A patch that changes nothing means the stored copies are not the ones the patches were written for.
  if (unused.size > 0) throw new Error(`schema patches matched nothing: ${[...unused].map((p) => p.why).join("; ")}`);
  prepared = path.join(dir, ROOT_SCHEMA);
  return prepared;
}

/**
 * The manifest with <Runtimes> (the first child of the Workbook Host, unknown to the 2020 schemas) replaced by as
 * many empty lines, so xmllint's line numbers still point into the original. Anywhere else it stays (and fails).
 */
function withoutRuntimes(xml) {
  return xml.replace(/(<Host xsi:type="Workbook">\s*)(<Runtimes>[\s\S]*?<\/Runtimes>)/, (_, head, block) => {
    return head + "\n".repeat(block.split("\n").length - 1);
  });
}

/**
 * Validates manifest XML against the official schemas with xmllint. Returns { valid, errors } where errors are
 * xmllint's messages (with "-:LINE:" positions). Throws if xmllint is not installed.
 */
function validateManifest(xml) {
  const schema = prepareSchemas();
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", schema, "-"], {
    input: withoutRuntimes(xml),
    encoding: "utf8",
  });
  if (run.error && run.error.code === "ENOENT")
    throw new Error("xmllint not found: install Debian's libxml2-utils (apt-get install libxml2-utils)");
  if (run.error) throw run.error;
  const errors = run.stderr
    .split("\n")
    .filter((l) => l.trim() !== "" && !/^- validates$/.test(l) && !/^- fails to validate$/.test(l));
  if (run.status !== 0 && errors.length === 0) errors.push(`xmllint exited ${run.status}`);
  return { valid: run.status === 0, errors };
}

module.exports = { SCHEMA_DIR, PATCHES, prepareSchemas, validateManifest, withoutRuntimes };
