#!/usr/bin/env node
// Project-local HTTPS certificates for the dev server (default dir .certs/, git-ignored).
// We do not use `office-addin-dev-certs install` / getHttpsServerOptions(): on machines without sudo
// the trust step fails and getHttpsServerOptions() throws. generateCertificates() alone works offline.
// To sideload into Excel, your OS/browser must trust <dir>/ca.crt (or point DEV_CERTS_DIR at
// ~/.office-addin-dev-certs after running `npx office-addin-dev-certs install` where that works).
// Run: node scripts/dev-certs.js   (webpack.config.js calls ensureDevCerts() itself when serving)
"use strict";
const fs = require("fs");
const path = require("path");
const { X509Certificate } = require("crypto");

const DAYS_VALID = 30;
const DOMAINS = ["127.0.0.1", "localhost"];

function certDir() {
  return process.env.DEV_CERTS_DIR || path.join(__dirname, "..", ".certs");
}

function certPaths(dir = certDir()) {
  return {
    dir,
    ca: path.join(dir, "ca.crt"),
    cert: path.join(dir, "localhost.crt"),
    key: path.join(dir, "localhost.key"),
  };
}

/** True when all three files exist and the localhost certificate is valid for at least another day. */
function certsUsable(p) {
  if (![p.ca, p.cert, p.key].every((f) => fs.existsSync(f))) return false;
  try {
    const validTo = Date.parse(new X509Certificate(fs.readFileSync(p.cert)).validTo);
    return validTo - Date.now() > 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** Creates (or renews) the certificates if needed; returns their paths. */
async function ensureDevCerts(dir = certDir()) {
  const p = certPaths(dir);
  if (!certsUsable(p)) {
    const { generateCertificates } = require("office-addin-dev-certs");
    await generateCertificates(p.ca, p.cert, p.key, DAYS_VALID, DOMAINS);
    console.log(
      `dev-certs: generated ${DAYS_VALID}-day certificates in ${p.dir} (trust ca.crt to avoid browser warnings)`,
    );
  }
  return p;
}

/** HTTPS options for webpack-dev-server's `server.options`. */
function httpsOptions(p) {
  return { ca: fs.readFileSync(p.ca), cert: fs.readFileSync(p.cert), key: fs.readFileSync(p.key) };
}

if (require.main === module) {
  ensureDevCerts().then(
    (p) => console.log(`dev-certs: ready\n  CA:   ${p.ca}\n  cert: ${p.cert}\n  key:  ${p.key}`),
    (err) => {
      console.error(`dev-certs: ${err && err.message ? err.message : err}`);
      process.exit(1);
    },
  );
}

module.exports = { ensureDevCerts, httpsOptions, certPaths };
