// The add-in files the build writes next to the bundles, as a pure function (webpack.config.js's AddinFilesPlugin
// calls it; test/addin/production.test.ts calls it without running webpack):
// - functions.json finished by shippedMetadata() (error inputs allowed; helpUrls on the host);
// - manifest.xml: for a production build, the manifest for ADDIN_BASE_URL, checked by the documented rules and the
//   official schemas; for a development build, the development manifest (localhost) as it is.
"use strict";
const fs = require("fs");
const { DEV_BASE_URL, DEV_MANIFEST, manifestFor, manifestRuleErrors } = require("./manifest.js");
const { shippedMetadata } = require("./functions-json.js");
const { validateManifest } = require("./schema.js");

const NO_BASE_URL =
  "ADDIN_BASE_URL is not set. A production build writes dist/manifest.xml for the HTTPS address dist/ will be " +
  "served from, e.g.  ADDIN_BASE_URL=https://send-modeller.example.gov.uk/ npm run build  " +
  "(the development manifest, manifest.xml, is for https://localhost:3000/ only).";

/**
 * @param {{ production: boolean, baseUrl?: string, functionsJson?: string, devManifest?: string }} input
 * @returns {{ files: Record<string, string>, errors: string[], warnings: string[] }}
 */
function addinFiles({ production, baseUrl, functionsJson, devManifest = fs.readFileSync(DEV_MANIFEST, "utf8") }) {
  const files = {};
  const errors = [];
  const warnings = [];
  if (production && !baseUrl) errors.push(NO_BASE_URL);
  const base = production ? baseUrl : undefined;
  if (functionsJson !== undefined)
    files["functions.json"] = JSON.stringify(shippedMetadata(JSON.parse(functionsJson), base), null, 4);
  if (production && !baseUrl) return { files, errors, warnings };

  const manifest = base ? manifestFor(base, devManifest) : devManifest;
  const host = base ?? DEV_BASE_URL;
  errors.push(...manifestRuleErrors(manifest, host).map((e) => `manifest.xml: ${e}`));
  try {
    errors.push(...validateManifest(manifest).errors.map((e) => `manifest.xml (official schema): ${e}`));
  } catch (e) {
    // xmllint missing: the rules above still ran; the tests (and .ci/run) require xmllint.
    warnings.push(`manifest.xml not checked against the official schemas: ${e.message}`);
  }
  files["manifest.xml"] = manifest;
  return { files, errors, warnings };
}

module.exports = { addinFiles, NO_BASE_URL };
