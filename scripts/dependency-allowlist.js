#!/usr/bin/env node
// Lists the production dependency tree (npm ls --omit=dev --all) with each package's license.
// `node scripts/dependency-allowlist.js --write` refreshes security/allowed-dependencies.json after a
// reviewed change; test/security/dependencies.test.ts fails on anything not in that file.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..");

function productionTree() {
  const out = execFileSync("npm", ["ls", "--omit=dev", "--all", "--json", "--long"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const found = new Map();
  (function walk(node) {
    for (const [name, dep] of Object.entries(node.dependencies || {})) {
      if (!dep.version) continue;
      const id = `${name}@${dep.version}`;
      if (!found.has(id))
        found.set(id, {
          name,
          version: dep.version,
          license: licenseOf(dep.path || path.join(root, "node_modules", name)),
        });
      walk(dep);
    }
  })(JSON.parse(out));
  return [...found.values()].sort((a, b) => (a.name + a.version).localeCompare(b.name + b.version));
}

function licenseOf(dir) {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
    if (typeof pkg.license === "string") return pkg.license;
    if (pkg.license && pkg.license.type) return pkg.license.type;
    if (Array.isArray(pkg.licenses)) return pkg.licenses.map((l) => l.type || l).join(" OR ");
  } catch {
    /* fall through */
  }
  return "UNKNOWN";
}

module.exports = { productionTree };

if (require.main === module) {
  const tree = productionTree();
  if (process.argv.includes("--write")) {
    const lines = tree.map((p) => "  " + JSON.stringify(p));
    fs.writeFileSync(path.join(root, "security/allowed-dependencies.json"), "[\n" + lines.join(",\n") + "\n]\n");
    console.error(`wrote ${tree.length} packages to security/allowed-dependencies.json`);
  } else {
    for (const p of tree) console.log(`${p.name}@${p.version}\t${p.license}`);
  }
}
