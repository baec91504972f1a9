// What the e2e suite needs around the page: the built add-in (webpack CLI into test-artifacts/), a tiny
// static HTTP server on 127.0.0.1 with an ephemeral port, Debian's chromium driven by playwright-core
// (never a downloaded browser), CSP-violation and console capture, axe-core and screenshots.
import { spawn } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");
export const DIST = path.join(ARTIFACTS, "e2e-dist");
export const SCREENSHOTS = path.join(ARTIFACTS, "screenshots");
export const DOCS_SCREENSHOTS = path.join(ROOT, "docs", "screenshots");
export const CHROMIUM = "/usr/bin/chromium";

/** Fails (never skips) when the system chromium is missing: the suite must not pass without a browser. */
export function requireChromium(): void {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `The e2e tests need Debian's chromium at ${CHROMIUM}. Install it with \`apt-get install chromium\` (they never download a browser).`,
    );
  }
}

/** Builds the add-in once (development mode, no source maps) with the webpack CLI; rejects with its output. */
export function buildDist(dist = DIST): Promise<void> {
  fs.rmSync(dist, { recursive: true, force: true });
  const cli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "development", "--output-path", dist, "--no-devtool"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      out += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && fs.existsSync(path.join(dist, "preview.html"))) resolve();
      else reject(new Error(`webpack build failed (exit ${code}):\n${out.slice(-4000)}`));
    });
  });
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".css": "text/css",
  ".svg": "image/svg+xml",
  ".map": "application/json",
  ".xml": "application/xml",
};

/** Serves `dir` read-only on 127.0.0.1 and an ephemeral port. */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname));
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The toolchain notes' launch flags; headless, no sandbox (containers), no background traffic. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The pane at a desktop size, British locale, a fixed clock (the published date in the review summary, and so
 * the screenshots, are the same every run) and reduced motion: Fluent then skips its colour transitions, so
 * axe never measures a button's contrast halfway through one (a loaded CI machine once caught that).
 */
export async function openContext(browser: Browser, wait: number): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: "en-GB",
    timezoneId: "Europe/London",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(wait);
  await context.clock.setFixedTime(new Date("2025-04-01T09:30:00Z"));
  return context;
}

/** What every e2e file starts from: the preview built into `dist`, served, and open on an empty workbook. */
export interface Preview {
  url: string;
  page: Page;
  log: PageLog;
  close(): Promise<void>;
}

export async function openPreview(dist: string, wait: number): Promise<Preview> {
  requireChromium();
  await buildDist(dist);
  const server = await serve(dist);
  const browser = await launch();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  try {
    const page = await (await openContext(browser, wait)).newPage();
    const log = await watch(page);
    await page.goto(`${server.url}/preview.html?workbook=empty`);
    await page.getByRole("grid", { name: "Sheet Sheet1", exact: true }).waitFor();
    return { url: server.url, page, log, close };
  } catch (e) {
    await close();
    throw e;
  }
}

export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

export interface PageLog {
  csp: CspViolation[];
  /** console errors and uncaught exceptions */
  errors: string[];
  failedRequests: string[];
}

/**
 * Records CSP violations (securitypolicyviolation events, reported from an init script, which CSP does not
 * govern), console errors, page errors and failed requests from the moment the page starts loading.
 */
export async function watch(page: Page): Promise<PageLog> {
  const log: PageLog = { csp: [], errors: [], failedRequests: [] };
  await page.exposeFunction("__reportCsp", (v: CspViolation) => {
    log.csp.push(v);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportCsp(v: unknown): void }).__reportCsp({
        directive: e.violatedDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        sample: e.sample,
      });
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error") log.errors.push(`console.error: ${m.text()}`);
  });
  page.on("pageerror", (e) => {
    log.errors.push(`page error: ${e.message}`);
  });
  page.on("requestfailed", (r) => {
    log.failedRequests.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  return log;
}

/**
 * Violations that are not ours. office.js (taskpane.html only: the preview does not load it) starts a
 * telemetry proxy frame on Microsoft's telemetry service; frame-src blocks it on purpose (workbooks may hold
 * sensitive SEND data), and office.js gives that frame an inline style attribute, blocked by style-src.
 * Both come from the office.js file below and nothing else is allowed.
 */
const OFFICE_TELEMETRY: ((v: CspViolation) => boolean)[] = [
  (v) => v.directive === "frame-src" && v.blocked === "https://telemetryservice.firstpartyapps.oaspapps.com",
  (v) =>
    v.directive === "style-src-attr" &&
    v.blocked === "inline" &&
    /\/assets\/office-js\/o15apptofilemappingtable\.js$/.test(v.source),
];
/** The console errors Chromium prints for exactly those two. */
const OFFICE_TELEMETRY_CONSOLE = [
  /^console\.error: Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive/,
  /^console\.error: Applying inline style violates the following Content Security Policy directive 'style-src 'self' 'sha256-47DEQpj8HBSa\+\/TImW\+5JCeuQeRkm5NMpJWZG3hSuFU=''/,
];

export function ourCspViolations(log: PageLog, { officeJs }: { officeJs: boolean }): CspViolation[] {
  return log.csp.filter((v) => !(officeJs && OFFICE_TELEMETRY.some((ok) => ok(v))));
}

export function ourErrors(log: PageLog, { officeJs }: { officeJs: boolean }): string[] {
  return log.errors.filter((e) => !(officeJs && OFFICE_TELEMETRY_CONSOLE.some((ok) => ok.test(e))));
}

const AXE_SOURCE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeIssue {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core in the real page (evaluated through the DevTools protocol, so the page's CSP stays untouched),
 * colour contrast included. One known false positive is dropped, node by node: Fluent's focus manager
 * (Tabster) puts aria-hidden focus sentinels (<i data-tabster-dummy tabindex=0>) around tab lists and grids
 * that only hand focus on at once (microsoft/tabster#288, microsoft/fluentui#25133); aria-hidden-focus is
 * still enforced for every other element.
 */
export async function axeSerious(page: Page): Promise<AxeIssue[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    type Node = { target: unknown[]; element?: Element };
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: Node[] }[] };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"], elementRef: true });
    const sentinel = (id: string, n: Node) =>
      id === "aria-hidden-focus" && n.element?.hasAttribute("data-tabster-dummy") === true;
    return r.violations
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.filter((n) => !sentinel(v.id, n)).map((n) => n.target.map(String).join(" ")),
      }))
      .filter((v) => v.nodes.length > 0);
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeAxe(issues: AxeIssue[]): string {
  return issues.map((v) => `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes.slice(0, 8).join("\n    ")}`).join("\n");
}

/** A viewport-sized PNG per screen in test-artifacts/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // the top of the page: the pane's start and the grid side by side (actions scroll the pane's results into view)
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: false, animations: "disabled", caret: "hide" });
  return file;
}
