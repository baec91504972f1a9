// README.md stays true: the key table equals the catalogue, and the two commands are shown.
import fs from "node:fs";
import path from "node:path";
import { keysMarkdown } from "../../scripts/readme-keys";

const readme = fs.readFileSync(path.join(__dirname, "../../README.md"), "utf8");

describe("README", () => {
  it("carries the key catalogue exactly (regenerate with `npx tsx scripts/readme-keys.ts`)", () => {
    const m = readme.match(/<!-- KEYS:START -->\n([\s\S]*?)\n<!-- KEYS:END -->/);
    expect(m?.[1]).toBe(keysMarkdown());
  });

  it("shows the quick-start commands", () => {
    expect(readme).toContain("npm run demo");
    expect(readme).toContain("npm test");
  });
});

describe("README licences", () => {
  it("lists the shipped dependencies' licences (regenerate with `node scripts/licence-summary.js`)", () => {
    const { licenceSummary } = require("../../scripts/licence-summary.js") as { licenceSummary: () => string };
    const m = readme.match(/<!-- LICENCES:START -->\n([\s\S]*?)\n<!-- LICENCES:END -->/);
    expect(m?.[1]).toBe(licenceSummary());
  });
});
