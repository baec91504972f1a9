// The add-in manifest for a host: manifest.xml in the repository is the DEVELOPMENT manifest (every URL on
// https://localhost:3000/); manifestFor(baseUrl) is the same manifest with every URL on the council's host, written
// to dist/manifest.xml by the production build (webpack.config.js). manifestRuleErrors() checks what the official
// schemas do not (scripts/addin/schema.js runs those): used by the build and by test/addin/*.test.ts.
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "../..");
const DEV_BASE_URL = "https://localhost:3000/";
const DEV_MANIFEST = path.join(ROOT, "manifest.xml");
/** The documented limit for a resource id (ReferenceId in the schema, also every resid). */
const MAX_RESOURCE_ID = 32;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * ADDIN_BASE_URL as the prefix of every URL: https only, no query, fragment or credentials, ending in "/".
 * Throws an Error saying what is wrong.
 */
function normaliseBaseUrl(raw) {
  let url;
  try {
    url = new URL(String(raw ?? "").trim());
  } catch {
    throw new Error(`ADDIN_BASE_URL '${raw}' is not a URL; give the https address dist/ is served from`);
  }
  if (url.protocol !== "https:")
    throw new Error(`ADDIN_BASE_URL must use https:// (Office loads add-ins only over HTTPS), not '${url.protocol}'`);
  if (url.search || url.hash || url.username || url.password)
    throw new Error(`ADDIN_BASE_URL '${raw}' must be a plain address: no query, fragment or user name`);
  return url.origin + (url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`);
}

const LEADING_COMMENT = /<!--[\s\S]*?-->/;

/** The development manifest with every URL moved from https://localhost:3000/ to `baseUrl`. */
function manifestFor(baseUrl, devXml = fs.readFileSync(DEV_MANIFEST, "utf8")) {
  const base = normaliseBaseUrl(baseUrl);
  const xml = devXml
    .replace(
      LEADING_COMMENT,
      `<!-- SEND Funding Modeller: manifest for ${base.replace(/--/g, "- -")} (built from manifest.xml by scripts/addin/manifest.js).
     Shared runtime: the task pane page also hosts the SEND.* custom functions. -->`,
    )
    .split(DEV_BASE_URL)
    .join(base);
  return xml;
}

/** Width and height from a PNG's IHDR chunk, or an error text. */
function pngSize(file) {
  if (!fs.existsSync(file)) return `${path.relative(ROOT, file)} does not exist`;
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature) || buf.toString("ascii", 12, 16) !== "IHDR")
    return `${path.relative(ROOT, file)} is not a PNG`;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

const attrsOf = (tag) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
const tags = (xml, name) => [...xml.matchAll(new RegExp(`<${name}(?=[\\s/>])[^>]*>`, "g"))].map((m) => attrsOf(m[0]));

/**
 * What Office requires that the 2020 schemas do not check, or that they cannot see: a list of messages (empty when
 * the manifest is fine). `baseUrl` is the host every URL must be on; icons are read from `assetsRoot` (the
 * repository root: URL base + "assets/icon-N.png" is assetsRoot/assets/icon-N.png).
 */
function manifestRuleErrors(xml, baseUrl, assetsRoot = ROOT) {
  const base = normaliseBaseUrl(baseUrl);
  const errors = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, "");

  const id = /<Id>([^<]*)<\/Id>/.exec(body)?.[1] ?? "";
  if (!GUID.test(id)) errors.push(`<Id> '${id}' is not a GUID`);

  // Resources: ids unique, at most 32 characters; every resid resolves.
  const resources = new Map();
  for (const kind of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const a of tags(body, kind).filter((t) => t.id !== undefined)) {
      if (resources.has(a.id)) errors.push(`resource id '${a.id}' is defined twice`);
      resources.set(a.id, { kind, value: a.DefaultValue });
    }
  }
  for (const [rid] of resources)
    if (rid.length < 1 || rid.length > MAX_RESOURCE_ID)
      errors.push(`resource id '${rid}' has ${rid.length} characters (1 to ${MAX_RESOURCE_ID} allowed)`);
  for (const m of body.matchAll(/resid="([^"]*)"/g)) {
    const rid = m[1];
    if (rid.length > MAX_RESOURCE_ID)
      errors.push(`resid '${rid}' has ${rid.length} characters (1 to ${MAX_RESOURCE_ID} allowed)`);
    if (!resources.has(rid)) errors.push(`resid '${rid}' names no resource`);
  }

  // Every URL is https and on the base.
  const urls = [...body.matchAll(/\s(?:DefaultValue|Value)="([a-z][a-z0-9+.-]*:\/\/[^"]*)"/gi)].map((m) => m[1]);
  if (urls.length === 0) errors.push("no URLs found");
  for (const u of urls) {
    if (!u.startsWith("https://")) errors.push(`URL '${u}' is not https`);
    else if (!u.startsWith(base)) errors.push(`URL '${u}' is not on ${base}`);
  }

  // SupportUrl: a real help page, not the task pane.
  const support = tags(body, "SupportUrl")[0]?.DefaultValue ?? "";
  if (support !== `${base}help.html`) errors.push(`SupportUrl '${support}' is not ${base}help.html`);

  // Icons: the PNG at each URL has the size the manifest declares.
  const icons = [];
  const iconUrl = tags(body, "IconUrl")[0]?.DefaultValue;
  const hiRes = tags(body, "HighResolutionIconUrl")[0]?.DefaultValue;
  if (iconUrl) icons.push({ url: iconUrl, size: 32, what: "IconUrl" });
  if (hiRes) icons.push({ url: hiRes, size: 64, what: "HighResolutionIconUrl" });
  for (const img of tags(body, "bt:Image").filter((t) => t.resid !== undefined)) {
    const r = resources.get(img.resid);
    if (r && r.kind === "bt:Image") icons.push({ url: r.value, size: Number(img.size), what: `Image ${img.resid}` });
    else errors.push(`Image resid '${img.resid}' is not a bt:Image`);
  }
  for (const { url, size, what } of icons) {
    if (!url.startsWith(base)) continue; // reported above
    const dim = pngSize(path.join(assetsRoot, url.slice(base.length)));
    if (typeof dim === "string") errors.push(`${what}: ${dim}`);
    else if (dim.width !== size || dim.height !== size)
      errors.push(`${what}: ${url} is ${dim.width}×${dim.height}, declared ${size}×${size}`);
  }

  // The custom functions' namespace.
  const ns = tags(body, "Namespace")[0]?.resid;
  const nsValue = ns && resources.get(ns)?.value;
  if (nsValue !== "SEND") errors.push(`custom functions namespace is '${nsValue}', not 'SEND'`);

  // <Runtimes> (VersionOverrides 1.0, newer than the stored schemas; checked by the documented rules): the first
  // child of the Workbook Host, one long-lived Runtime whose resid every page of the add-in uses.
  const host = /<Host xsi:type="Workbook">\s*<Runtimes>\s*<Runtime ([^>]*)\/>\s*<\/Runtimes>/.exec(body);
  if (!host) errors.push('<Runtimes> with one <Runtime/> must be the first child of <Host xsi:type="Workbook">');
  else {
    const rt = attrsOf(host[1]);
    if (rt.lifetime !== "long") errors.push(`Runtime lifetime is '${rt.lifetime}', the shared runtime needs 'long'`);
    const pages = [
      ...body.matchAll(/<(?:Page|Action xsi:type="ShowTaskpane")>[\s\S]*?<SourceLocation resid="([^"]*)"/g),
      ...body.matchAll(/<FunctionFile resid="([^"]*)"/g),
    ].map((m) => m[1]);
    const strays = pages.filter((p) => p !== rt.resid);
    if (pages.length < 3 || strays.length > 0)
      errors.push(`every page (task pane, functions page, function file) must use Runtime resid '${rt.resid}'`);
  }
  return errors;
}

module.exports = {
  DEV_BASE_URL,
  DEV_MANIFEST,
  MAX_RESOURCE_ID,
  normaliseBaseUrl,
  manifestFor,
  manifestRuleErrors,
};
