// The production build's add-in files for a council's own host (scripts/addin/build.js, which webpack.config.js's
// AddinFilesPlugin runs): dist/manifest.xml with every URL on ADDIN_BASE_URL, checked by the same schema and rules
// as manifest.xml; functions.json with its helpUrls on that host. Runs the build step without webpack.
import fs from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

type Files = { files: Record<string, string>; errors: string[]; warnings: string[] };
const build = require("../../scripts/addin/build.js") as {
  addinFiles(input: { production: boolean; baseUrl?: string; functionsJson?: string }): Files;
  NO_BASE_URL: string;
};
const manifest = require("../../scripts/addin/manifest.js") as {
  normaliseBaseUrl(raw: string): string;
  manifestFor(baseUrl: string): string;
  manifestRuleErrors(xml: string, baseUrl: string): string[];
};
const schema = require("../../scripts/addin/schema.js") as {
  validateManifest(xml: string): { valid: boolean; errors: string[] };
};

const root = path.join(__dirname, "../..");
const HOST = "https://send.example-council.gov.uk/modeller/";
let generated: string;

beforeAll(async () => {
  const r = await generateCustomFunctionsMetadata([path.join(root, "src/functions/functions.ts")], false);
  expect(r.errors).toEqual([]);
  generated = r.metadataJson;
});

describe("a production build for a council's host", () => {
  let out: Files;
  beforeAll(() => {
    out = build.addinFiles({
      production: true,
      baseUrl: "https://send.example-council.gov.uk/modeller",
      functionsJson: generated,
    });
  });

  it("writes manifest.xml and functions.json without errors", () => {
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([]); // xmllint ran
    expect(Object.keys(out.files).sort()).toEqual(["functions.json", "manifest.xml"]);
  });

  it("puts every URL of the manifest on that host, none on localhost", () => {
    const xml = out.files["manifest.xml"];
    expect(xml).not.toMatch(/localhost/);
    const urls = [...xml.matchAll(/(?<!xmlns(?::\w+)?)="(https?:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(HOST))).toEqual([]);
    expect(xml).toContain(`<SupportUrl DefaultValue="${HOST}help.html"/>`);
    expect(xml).toContain(`<bt:Url id="Taskpane.Url" DefaultValue="${HOST}taskpane.html"/>`);
  });

  it("passes the official schemas and the rules, as manifest.xml does", () => {
    const xml = out.files["manifest.xml"];
    expect(schema.validateManifest(xml)).toEqual({ valid: true, errors: [] });
    expect(manifest.manifestRuleErrors(xml, HOST)).toEqual([]);
    // ...and the rules hold it to its own host
    expect(manifest.manifestRuleErrors(xml, "https://other.example.org/")).toEqual(
      expect.arrayContaining([`URL '${HOST}functions.js' is not on https://other.example.org/`]),
    );
  });

  it("points every function's help at the help page on that host", () => {
    const meta = JSON.parse(out.files["functions.json"]) as { functions: { id: string; helpUrl: string }[] };
    expect(meta.functions.length).toBeGreaterThan(10);
    for (const f of meta.functions) expect(f.helpUrl).toBe(`${HOST}help.html#${f.id.toLowerCase()}`);
    expect(out.files["functions.json"]).not.toMatch(/localhost/);
  });

  it("help.html links only within itself, so it works on any host", () => {
    const html = fs.readFileSync(path.join(root, "src/help/help.html"), "utf8");
    const links = [...html.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1]);
    expect(links.filter((l) => /^[a-z]+:|^\/\//i.test(l))).toEqual([]);
    const index = fs.readFileSync(path.join(root, "src/help/index.ts"), "utf8");
    expect(index).not.toMatch(/https?:\/\//);
  });
});

describe("the build's host", () => {
  it("is required for a production build", () => {
    const out = build.addinFiles({ production: true, functionsJson: generated });
    expect(out.errors).toEqual([build.NO_BASE_URL]);
    expect(out.files["manifest.xml"]).toBeUndefined();
  });

  it("is localhost, as in manifest.xml, only for a development build", () => {
    const out = build.addinFiles({ production: false, functionsJson: generated });
    expect(out.errors).toEqual([]);
    expect(out.files["manifest.xml"]).toBe(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"));
    expect(JSON.parse(out.files["functions.json"]).functions[0].helpUrl).toBe(
      "https://localhost:3000/help.html#allocate",
    );
  });

  it("must be a plain https address", () => {
    expect(manifest.normaliseBaseUrl("https://a.example.gov.uk")).toBe("https://a.example.gov.uk/");
    expect(manifest.normaliseBaseUrl(" https://a.example.gov.uk/send/ ")).toBe("https://a.example.gov.uk/send/");
    expect(() => manifest.normaliseBaseUrl("http://a.example.gov.uk/")).toThrow(/must use https/);
    expect(() => manifest.normaliseBaseUrl("https://a.example.gov.uk/?x=1")).toThrow(/no query/);
    expect(() => manifest.normaliseBaseUrl("a.example.gov.uk")).toThrow(/is not a URL/);
  });

  it("is read by webpack.config.js from ADDIN_BASE_URL (or --env baseUrl)", async () => {
    type Plugin = { constructor: { name: string }; options?: unknown };
    const config = require("../../webpack.config.js") as (
      env: Record<string, unknown>,
      argv: { mode: string },
    ) => Promise<{ plugins: Plugin[] }>;
    const options = async (env: Record<string, unknown>) =>
      (await config(env, { mode: "production" })).plugins.find((p) => p.constructor.name === "AddinFilesPlugin")
        ?.options;
    expect(await options({ baseUrl: "https://a.example.gov.uk/send" })).toEqual({
      production: true,
      baseUrl: "https://a.example.gov.uk/send/",
    });
    const saved = process.env.ADDIN_BASE_URL;
    try {
      process.env.ADDIN_BASE_URL = "https://b.example.gov.uk";
      expect(await options({})).toEqual({ production: true, baseUrl: "https://b.example.gov.uk/" });
      process.env.ADDIN_BASE_URL = "http://b.example.gov.uk";
      await expect(options({})).rejects.toThrow(/must use https/);
    } finally {
      if (saved === undefined) delete process.env.ADDIN_BASE_URL;
      else process.env.ADDIN_BASE_URL = saved;
    }
  });
});
