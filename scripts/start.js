#!/usr/bin/env node
// `npm start`: sideload the add-in into Excel where that can be automated, otherwise print the manual steps.
// office-addin-debugging is deliberately not a dependency (its install pulls keytar, which needs
// libsecret to build); on Windows/macOS we try it through npx and explain if it is missing.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "manifest.xml");
const url = "https://localhost:3000";

const webSteps = `
Sideload into Excel on the web:
  1. In one terminal run:  npm run dev-server      (serves ${url}; keep it running)
  2. Your browser must trust the dev CA: import .certs/ca.crt as a trusted root, or open
     ${url}/taskpane.html once and accept the warning (some browsers need the CA import).
  3. Open a workbook at https://www.office.com (Excel on the web).
  4. Insert > Add-ins (or Home > Add-ins) > More Add-ins > Upload My Add-in > choose:
       ${manifest}
  5. Home > SEND funding > Funding modeller opens the task pane; type =SEND. in a cell for the functions.`;

const previewSteps = `
No Excel at all? Run the task pane in a plain browser on an in-browser workbook:
  npm run preview      then open http://localhost:3000/ (preview.html)`;

function linux() {
  console.log(`Excel desktop is not available on Linux, so nothing can be sideloaded automatically here.
${webSteps}
${previewSteps}`);
  return 0;
}

function desktop() {
  console.log("Starting Excel desktop with the add-in sideloaded (npx office-addin-debugging start manifest.xml)...");
  // --no-install: never fetch a package implicitly; a missing tool is reported instead.
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const run = spawnSync(npx, ["--no-install", "office-addin-debugging", "start", manifest, "desktop"], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  });
  if (run.status === 0 && !run.error) return 0;
  console.log(`
office-addin-debugging is not installed (or failed). Either install it:
  npm i -D --legacy-peer-deps office-addin-debugging     (plain npm i fails on its keytar peer)
and run npm start again, or sideload by hand:
  - Run: npm run dev-server, and trust .certs/ca.crt (Windows: certmgr "Trusted Root Certification
    Authorities"; macOS: Keychain Access, "Always Trust").
  - Excel desktop: Windows: share a folder containing manifest.xml, add it under File > Options >
    Trust Center > Trusted Add-in Catalogs, restart Excel, then Home > Add-ins > Advanced > Shared Folder.
    macOS: copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/ and restart Excel.
${webSteps}
${previewSteps}`);
  return 0; // the instructions are the deliverable; not an error
}

process.exitCode = process.platform === "linux" ? linux() : desktop();
