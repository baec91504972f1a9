// Offline structural checks of the add-in shell: manifest.xml's structure (schema.test.ts validates it against the
// official XSDs and the rules no schema encodes), the icons it points at, and the webpack config's entries,
// office.js source and Content-Security-Policy.
import fs from "node:fs";
import path from "node:path";

// xml2js ships no types; only parseStringPromise is used.

const xml2js = require("xml2js") as { parseStringPromise(xml: string): Promise<Record<string, unknown>> };

const root = path.join(__dirname, "../..");
const manifestXml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

interface El {
  name: string;
  attrs: Record<string, string>;
  text: string;
  path: string[]; // ancestor names, outermost first
}

/** Flattens xml2js output (default options: `$` attributes, `_` text, children in arrays). */
function elements(name: string, node: unknown, ancestors: string[] = []): El[] {
  if (typeof node === "string") return [{ name, attrs: {}, text: node.trim(), path: ancestors }];
  const obj = (node ?? {}) as Record<string, unknown>;
  const self: El = {
    name,
    attrs: (obj.$ as Record<string, string>) ?? {},
    text: typeof obj._ === "string" ? obj._.trim() : "",
    path: ancestors,
  };
  const children = Object.entries(obj)
    .filter(([k]) => k !== "$" && k !== "_")
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).flatMap((c) => elements(k, c, [...ancestors, name])));
  return [self, ...children];
}

let all: El[] = [];
const named = (n: string) => all.filter((e) => e.name === n);
const one = (n: string) => {
  const found = named(n);
  expect(found).toHaveLength(1);
  return found[0];
};

const RESOURCE_KINDS = ["bt:Image", "bt:Url", "bt:String"] as const;
type ResourceKind = (typeof RESOURCE_KINDS)[number];
function resources(): Map<string, { kind: ResourceKind; value: string; size?: string }> {
  const map = new Map<string, { kind: ResourceKind; value: string }>();
  for (const e of all.filter((x) => x.path.includes("Resources") && RESOURCE_KINDS.includes(x.name as ResourceKind))) {
    expect(map.has(e.attrs.id)).toBe(false); // ids are unique
    map.set(e.attrs.id, { kind: e.name as ResourceKind, value: e.attrs.DefaultValue });
  }
  return map;
}

/** Width and height from a PNG's IHDR chunk; throws unless the file starts with the PNG signature. */
function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString("ascii", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const DEV_ORIGIN = "https://localhost:3000/";
const localFile = (url: string) => {
  expect(url.startsWith(DEV_ORIGIN)).toBe(true);
  return path.join(root, url.slice(DEV_ORIGIN.length));
};

beforeAll(async () => {
  const doc = await xml2js.parseStringPromise(manifestXml); // rejects on malformed XML
  const [rootName] = Object.keys(doc);
  all = elements(rootName, doc[rootName]);
});

describe("manifest.xml", () => {
  it("is a well-formed TaskPaneApp for Excel (Workbook)", () => {
    const app = all[0];
    expect(app.name).toBe("OfficeApp");
    expect(app.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(
      named("Host")
        .filter((h) => h.path.at(-1) === "Hosts" && h.path.length === 2)
        .map((h) => h.attrs.Name),
    ).toEqual(["Workbook"]);
    expect(one("VersionOverrides").attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  it("has a GUID Id, a 4-part Version and the provider name", () => {
    expect(one("Id").text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    const version = one("Version").text;
    expect(version).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(version.split(".").every((n) => Number(n) <= 65535)).toBe(true);
    expect(one("ProviderName").text).toBe("SEND Funding Modeller contributors");
  });

  it("resolves every resid to a resource of the right kind", () => {
    const res = resources();
    const withResid = all.filter((e) => e.attrs.resid !== undefined);
    expect(withResid.length).toBeGreaterThan(10);
    const expectedKind = (e: El): ResourceKind =>
      e.name === "bt:Image"
        ? "bt:Image"
        : ["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(e.name)
          ? "bt:Url"
          : "bt:String"; // Label, Title, Description, Namespace
    const unresolved = withResid
      .filter((e) => res.get(e.attrs.resid)?.kind !== expectedKind(e))
      .map((e) => `${e.name} resid=${e.attrs.resid}`);
    expect(unresolved).toEqual([]);
  });

  it("declares the SEND namespace for the custom functions", () => {
    const ns = one("Namespace");
    expect(ns.path.at(-1)).toBe("ExtensionPoint");
    expect(resources().get(ns.attrs.resid)).toEqual({ kind: "bt:String", value: "SEND" });
    const cf = named("ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    expect(cf?.path.at(-1)).toBe("AllFormFactors");
  });

  it("uses https for every URL", () => {
    const urls = all.flatMap((e) =>
      Object.entries(e.attrs)
        .filter(([k, v]) => !k.startsWith("xmlns") && /^[a-z][a-z0-9+.-]*:\/\//i.test(v))
        .map(([, v]) => v),
    );
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter((u) => !u.startsWith("https://"))).toEqual([]);
    const bare = all.filter((e) => /^[a-z][a-z0-9+.-]*:\/\//i.test(e.text) && !e.text.startsWith("https://"));
    expect(bare).toEqual([]);
  });

  it("asks for ReadWriteDocument only and lists no AppDomains", () => {
    expect(one("Permissions").text).toBe("ReadWriteDocument");
    expect(named("AppDomains")).toEqual([]);
    expect(named("AppDomain")).toEqual([]);
  });

  it("requires the shared runtime and loads one long-lived page for pane, functions and commands", () => {
    const sets = named("Set").map((s) => `${s.attrs.Name}@${s.attrs.MinVersion}`);
    expect(sets).toEqual(expect.arrayContaining(["SharedRuntime@1.1", "CustomFunctionsRuntime@1.1"]));
    const runtime = one("Runtime");
    expect(runtime.attrs.lifetime).toBe("long");
    // The shared runtime only loads when every page reference uses the same resid as the Runtime.
    const pageSources = all
      .filter((e) => e.name === "SourceLocation" && (e.path.at(-1) === "Page" || e.path.at(-1) === "Action"))
      .map((e) => e.attrs.resid);
    expect(pageSources.length).toBe(2);
    expect(new Set([...pageSources, one("FunctionFile").attrs.resid])).toEqual(new Set([runtime.attrs.resid]));
  });

  it("has a ShowTaskpane button in its own group on the Home tab", () => {
    const tab = one("OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = one("Group");
    expect(resources().get(named("Label").find((l) => l.path.at(-1) === "Group")!.attrs.resid)?.value).toBe(
      "SEND funding",
    );
    expect(group.attrs.id).not.toMatch(/^Tab/);
    expect(one("Action").attrs["xsi:type"]).toBe("ShowTaskpane");
    expect(one("TaskpaneId").text).not.toBe("");
  });

  it("points every icon at a real PNG of the declared size in assets/", () => {
    const icons: { url: string; size: number }[] = [
      { url: one("IconUrl").attrs.DefaultValue, size: 32 },
      { url: one("HighResolutionIconUrl").attrs.DefaultValue, size: 64 },
    ];
    const res = resources();
    for (const img of named("bt:Image").filter((e) => e.attrs.resid)) {
      icons.push({ url: res.get(img.attrs.resid)!.value, size: Number(img.attrs.size) });
    }
    for (const [, r] of res)
      if (r.kind === "bt:Image") icons.push({ url: r.value, size: Number(/icon-(\d+)\.png$/.exec(r.value)?.[1]) });
    expect(icons.length).toBeGreaterThan(5);
    for (const { url, size } of icons) {
      const file = localFile(url);
      expect(path.relative(root, file)).toMatch(/^assets[\\/]icon-\d+\.png$/);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  it("ships every icon size the stores ask for (16, 32, 64, 80, 128)", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(root, `assets/icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

// ---------------------------------------------------------------------------------------------------

type Config = {
  entry: Record<string, string>;
  plugins: { constructor: { name: string }; userOptions?: Record<string, unknown> }[];
  devtool?: string | false;
  devServer: { port: number; headers: Record<string, string> };
};

const webpackConfig = require("../../webpack.config.js") as
  Config | ((env: Record<string, unknown>, argv: { mode: string }) => Config | Promise<Config>);
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

async function configFor(mode: "production" | "development"): Promise<Config> {
  return typeof webpackConfig === "function" ? await webpackConfig({}, { mode }) : webpackConfig;
}

/** Renders an html-webpack-plugin page the way its default (lodash) loader would for `<%= name %>`. */
function renderPage(config: Config, filename: string): string {
  const plugin = config.plugins.find(
    (p) => p.constructor.name === "HtmlWebpackPlugin" && p.userOptions?.filename === filename,
  );
  expect(plugin).toBeDefined();
  const opts = plugin!.userOptions as { template: string; templateParameters: Record<string, string> };
  const template = fs.readFileSync(path.join(root, opts.template), "utf8");
  const html = template.replace(/<%=\s*(\w+)\s*%>/g, (_, k: string) => {
    expect(opts.templateParameters).toHaveProperty(k);
    return opts.templateParameters[k];
  });
  expect(html).not.toContain("<%");
  return html;
}

function cspOf(html: string): Record<string, string[]> {
  const m = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  expect(m).not.toBeNull();
  return Object.fromEntries(
    m![1].split(";").map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

const scriptSrcs = (html: string) => [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]);

describe("webpack.config.js", () => {
  it("builds the taskpane, functions, preview and help entries", async () => {
    const config = await configFor("production");
    expect(config.entry).toEqual({
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      preview: "./src/taskpane/preview.tsx",
      help: "./src/help/index.ts",
    });
    const pages = config.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin").map((p) => p.userOptions);
    expect(pages.map((o) => [o?.filename, o?.chunks])).toEqual([
      ["taskpane.html", ["taskpane", "functions"]],
      ["preview.html", ["preview"]],
      ["help.html", ["help"]],
    ]);
    expect(config.plugins.map((p) => p.constructor.name)).toContain("CustomFunctionsMetadataPlugin");
  });

  it("loads office.js from Microsoft's CDN in production and locally in development", async () => {
    expect(scriptSrcs(renderPage(await configFor("production"), "taskpane.html"))).toEqual([OFFICE_JS_CDN]);
    expect(scriptSrcs(renderPage(await configFor("development"), "taskpane.html"))).toEqual([
      "assets/office-js/office.js",
    ]);
    // The preview runs outside Office and never uses office.js (whose telemetry would break the strict CSP).
    expect(scriptSrcs(renderPage(await configFor("production"), "preview.html"))).toEqual([]);
  });

  it("sets a strict Content-Security-Policy (no eval, no inline script or style)", async () => {
    for (const mode of ["production", "development"] as const) {
      const config = await configFor(mode);
      for (const page of ["taskpane.html", "preview.html", "help.html"]) {
        const csp = cspOf(renderPage(config, page));
        const all = Object.values(csp).flat();
        expect(all).not.toContain("'unsafe-eval'");
        expect(all).not.toContain("'unsafe-inline'");
        expect(csp["default-src"]).toEqual(["'self'"]);
        expect(csp["object-src"]).toEqual(["'none'"]);
        const expectedScripts =
          mode === "production" && page === "taskpane.html"
            ? ["'self'", "https://appsforoffice.microsoft.com"]
            : ["'self'"];
        expect(csp["script-src"]).toEqual(expectedScripts);
        // only the empty inline <style> blocks that Griffel fills through CSSOM (sha256 of "")
        expect(csp["style-src"]).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
      }
      // eval-based source maps would need 'unsafe-eval'
      expect(String(config.devtool)).not.toMatch(/eval/);
    }
  });

  it("serves on port 3000 with a CSP header", async () => {
    const config = await configFor("development");
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.headers["Content-Security-Policy"]).toMatch(/script-src 'self'/);
  });
});
