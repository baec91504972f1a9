// manifest.xml checked as Office checks it: the official XSDs (schemas/manifest/, run with xmllint) plus the rules no
// schema encodes (scripts/addin/manifest.js). Each check is shown to fail on a manifest that breaks it.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

type Validation = { valid: boolean; errors: string[] };
const schema = require("../../scripts/addin/schema.js") as {
  SCHEMA_DIR: string;
  validateManifest(xml: string): Validation;
};
const rules = require("../../scripts/addin/manifest.js") as {
  DEV_BASE_URL: string;
  manifestRuleErrors(xml: string, baseUrl: string): string[];
};

const root = path.join(__dirname, "../..");
const dev = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const ruleErrors = (xml: string) => rules.manifestRuleErrors(xml, rules.DEV_BASE_URL);

/** Renames resource `from` (its definition and every resid) to `to`. */
const renameResource = (xml: string, from: string, to: string) => xml.split(`id="${from}"`).join(`id="${to}"`); // matches both id= and resid=

describe("the official manifest schemas", () => {
  it("are byte-identical to Microsoft's copies (git blob ids listed in schemas/manifest/README.md)", () => {
    const readme = fs.readFileSync(path.join(schema.SCHEMA_DIR, "README.md"), "utf8");
    const listed = [...readme.matchAll(/^\| `([\w.]+\.xsd)` \| `([0-9a-f]{40})` \|$/gm)].map((m) => [m[1], m[2]]);
    const files = fs.readdirSync(schema.SCHEMA_DIR).filter((f) => f.endsWith(".xsd"));
    expect(listed.map(([f]) => f).sort()).toEqual(files.sort());
    for (const [file, blob] of listed) {
      const bytes = fs.readFileSync(path.join(schema.SCHEMA_DIR, file));
      const id = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
      expect({ file, id }).toEqual({ file, id: blob });
    }
  });

  it("accept manifest.xml (xmllint --schema)", () => {
    expect(schema.validateManifest(dev)).toEqual({ valid: true, errors: [] });
  });

  it("reject a 33-character resource id and accept 32", () => {
    const id33 = "SendFunding.Button.Tooltip.Abcdef"; // 33
    expect(id33).toHaveLength(33);
    const bad = schema.validateManifest(renameResource(dev, "SendFunding.Button.Tooltip", id33));
    expect(bad.valid).toBe(false);
    expect(bad.errors.join("\n")).toMatch(/maxLength.*SendFunding\.Button\.Tooltip\.Abcdef.*length of '33'/);
    const ok = schema.validateManifest(renameResource(dev, "SendFunding.Button.Tooltip", id33.slice(0, 32)));
    expect(ok).toEqual({ valid: true, errors: [] });
  });

  it("reject elements out of the schema's order and unknown elements", () => {
    // the schema's sequence is Id, Version, ProviderName: Version after ProviderName is out of order
    const moved = dev.replace(/(<Version>[^<]*<\/Version>)\s*(<ProviderName>[^<]*<\/ProviderName>)/, "$2\n  $1");
    expect(moved).not.toBe(dev);
    expect(schema.validateManifest(moved).valid).toBe(false);
    expect(schema.validateManifest(dev.replace("<Permissions>", "<Permission>x</Permission><Permissions>")).valid).toBe(
      false,
    );
  });

  it("still see <Runtimes> when it is anywhere but the first child of the Workbook host", () => {
    const block = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(dev)![0];
    const misplaced = dev.replace(block, "").replace("</AllFormFactors>", `</AllFormFactors>${block}`);
    expect(schema.validateManifest(misplaced).valid).toBe(false);
  });
});

describe("the rules the schemas do not encode", () => {
  it("hold for manifest.xml", () => {
    expect(ruleErrors(dev)).toEqual([]);
  });

  it("reject a 33-character resource id", () => {
    const errors = ruleErrors(renameResource(dev, "Functions.Metadata.Url", "Functions.Metadata.Url.Abcdefghij"));
    expect(errors).toEqual([
      "resource id 'Functions.Metadata.Url.Abcdefghij' has 33 characters (1 to 32 allowed)",
      "resid 'Functions.Metadata.Url.Abcdefghij' has 33 characters (1 to 32 allowed)",
    ]);
  });

  it("reject a resid that names no resource", () => {
    expect(ruleErrors(dev.replace('resid="Icon.16x16"', 'resid="Icon.17x17"'))).toContain(
      "resid 'Icon.17x17' names no resource",
    );
  });

  it("reject http and other hosts", () => {
    expect(
      ruleErrors(dev.replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js")),
    ).toEqual(["URL 'http://localhost:3000/functions.js' is not https"]);
    expect(ruleErrors(dev.replace("https://localhost:3000/functions.js", "https://example.com/functions.js"))).toEqual([
      "URL 'https://example.com/functions.js' is not on https://localhost:3000/",
    ]);
  });

  it("reject an icon whose PNG is not the declared size", () => {
    expect(
      ruleErrors(dev.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.32x32"/>')),
    ).toEqual(
      expect.arrayContaining([expect.stringMatching(/Image Icon\.32x32: .*icon-32\.png is 32×32, declared 80×80/)]),
    );
    expect(ruleErrors(dev.replace("assets/icon-64.png", "assets/icon-80.png"))).toEqual([
      "HighResolutionIconUrl: https://localhost:3000/assets/icon-80.png is 80×80, declared 64×64",
    ]);
  });

  it("reject another namespace, a non-GUID id and a SupportUrl that is not the help page", () => {
    expect(
      ruleErrors(
        dev.replace('id="Functions.Namespace" DefaultValue="SEND"', 'id="Functions.Namespace" DefaultValue="SENDX"'),
      ),
    ).toEqual(["custom functions namespace is 'SENDX', not 'SEND'"]);
    expect(ruleErrors(dev.replace(/<Id>[^<]*<\/Id>/, "<Id>send-funding-modeller</Id>"))).toEqual([
      "<Id> 'send-funding-modeller' is not a GUID",
    ]);
    expect(
      ruleErrors(
        dev.replace(
          '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
          '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
        ),
      ),
    ).toEqual(["SupportUrl 'https://localhost:3000/taskpane.html' is not https://localhost:3000/help.html"]);
  });

  it("reject a short-lived runtime or a page outside it", () => {
    expect(ruleErrors(dev.replace('lifetime="long"', 'lifetime="short"'))).toEqual([
      "Runtime lifetime is 'short', the shared runtime needs 'long'",
    ]);
    expect(
      ruleErrors(
        dev.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'),
      ),
    ).toEqual(["every page (task pane, functions page, function file) must use Runtime resid 'Taskpane.Url'"]);
  });
});
