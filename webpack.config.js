// Builds the add-in: taskpane.html loads both the task pane and the custom functions (shared runtime),
// preview.html runs the task pane in a plain browser on an in-browser workbook, functions.json comes
// from the JSDoc in src/functions/functions.ts.
//   ADDIN_BASE_URL=https://host/path/ npx webpack --mode production
//                                            -> dist/, office.js from Microsoft's CDN (Office requires it), and
//                                               dist/manifest.xml with every URL on that host (required)
//   npx webpack serve --mode development     -> https://localhost:3000, office.js from assets/office-js
//   ... --env preview                        -> "/" serves preview.html
//   ... --env http                           -> plain HTTP (no certificates; fine for the preview)
//   ... --env officejs=local|cdn             -> override where taskpane.html loads office.js from
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { Compilation, WebpackError, sources } = require("webpack");
const { addinFiles } = require("./scripts/addin/build.js");
const { normaliseBaseUrl } = require("./scripts/addin/manifest.js");

const PORT = 3000;
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "assets/office-js/office.js";
const OFFICE_CDN_ORIGIN = "https://appsforoffice.microsoft.com";
// sha256 of the empty string (see contentSecurityPolicy).
const EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";
const FUNCTIONS_SOURCE = path.join(__dirname, "src/functions/functions.ts");

/**
 * Content-Security-Policy for a page. No 'unsafe-eval' and no 'unsafe-inline'.
 * Styles: Fluent UI v9 (Griffel) and FluentProvider append *empty* <style> elements and fill them with
 * CSSOM insertRule(), which CSP does not govern. The empty element itself is an inline style block, and
 * with plain style-src 'self' Chromium blocks it (no `sheet`, so no styles at all: seen in headless
 * Chromium). EMPTY_STYLE_HASH, the sha256 of "", allows exactly those empty blocks and nothing else.
 * React `style` props go through CSSOM as well. devtool must not be an eval-* variant (see below).
 * frame-ancestors is deliberately absent: Excel on the web frames the task pane.
 */
function contentSecurityPolicy({ office, devSocket }) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...(office ? [OFFICE_CDN_ORIGIN] : [])],
    "style-src": ["'self'", EMPTY_STYLE_HASH],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    // office.js telemetry (*.pipe.aria.microsoft.com, and a hidden ULS proxy frame on
    // telemetryservice.firstpartyapps.oaspapps.com) is blocked on purpose: workbooks may hold sensitive SEND
    // data, and blocking only costs a few console messages.
    "connect-src": ["'self'", ...(devSocket ? [devSocket] : [])],
    // office.js may open its AgaveErrorUX page from the CDN in a hidden iframe (Excel on the web).
    "frame-src": ["'self'", ...(office ? [OFFICE_CDN_ORIGIN] : [])],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/**
 * Writes manifest.xml and finishes functions.json (scripts/addin/build.js) once the metadata plugin has emitted it.
 * A production build without ADDIN_BASE_URL, or a manifest that breaks a rule or the schema, fails the build.
 */
class AddinFilesPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AddinFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AddinFilesPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const meta = compilation.getAsset("functions.json");
          const { files, errors, warnings } = addinFiles({
            ...this.options,
            functionsJson: meta ? meta.source.source().toString() : undefined,
          });
          for (const [name, text] of Object.entries(files)) {
            const source = new sources.RawSource(text);
            if (compilation.getAsset(name)) compilation.updateAsset(name, source);
            else compilation.emitAsset(name, source);
          }
          for (const e of errors) compilation.errors.push(new WebpackError(e));
          for (const w of warnings) compilation.warnings.push(new WebpackError(w));
        },
      );
    });
  }
}

/** @param {Record<string, unknown>} env  @param {{mode?: string}} argv */
module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === "production" ? "production" : "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const useHttp = Boolean(env.http);
  const officeJs =
    env.officejs === "local" || env.officejs === "cdn" ? env.officejs : mode === "production" ? "cdn" : "local";
  // The host a production build is for (env.baseUrl wins over the environment variable); checked here, so a bad
  // address stops the build before it starts.
  const rawBase = env.baseUrl ?? process.env.ADDIN_BASE_URL;
  const baseUrl = rawBase ? normaliseBaseUrl(rawBase) : undefined;
  const devSocket = serving ? `${useHttp ? "ws" : "wss"}://localhost:${PORT}` : undefined;

  const taskpaneCsp = contentSecurityPolicy({ office: officeJs === "cdn", devSocket });
  // The preview never talks to Microsoft and loads no office.js (src/taskpane/preview.html says why).
  const previewCsp = contentSecurityPolicy({ office: false, devSocket });

  let server = "http";
  if (serving && !useHttp) {
    const { ensureDevCerts, httpsOptions } = require("./scripts/dev-certs.js");
    server = { type: "https", options: httpsOptions(await ensureDevCerts()) };
  }

  return {
    mode,
    // eval-based source maps (webpack's development default) would need 'unsafe-eval'.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
      preview: "./src/taskpane/preview.tsx",
      help: "./src/help/index.ts",
    },
    output: {
      path: path.join(__dirname, "dist"),
      filename: "[name].js", // functions.js is named in the manifest: no content hash
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // Node built-ins referenced (but not needed in the browser) by exceljs/hyperformula dependencies.
      fallback: { fs: false, path: false, stream: false, crypto: false, os: false, zlib: false, util: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Types are checked by `tsc --noEmit`; the bundle only transpiles.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    optimization: {
      // One runtime for the page, so taskpane and functions share module instances (shared runtime).
      runtimeChunk: "single",
      splitChunks: {
        cacheGroups: {
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            // preview-only dependencies (e.g. hyperformula) stay out of the page Excel loads.
            chunks: (chunk) => chunk.name !== "preview",
          },
        },
      },
    },
    performance: {
      hints: mode === "production" ? "warning" : false,
      // The preview is a developer page (it bundles HyperFormula): only the Excel-loaded assets are budgeted.
      assetFilter: (file) =>
        !file.startsWith("assets/office-js/") && !file.startsWith("preview") && !file.endsWith(".map"),
      maxAssetSize: 2_000_000,
      maxEntrypointSize: 3_000_000,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new AddinFilesPlugin({ production: mode === "production", baseUrl }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane", "functions"],
        templateParameters: { officeJsUrl: officeJs === "cdn" ? OFFICE_JS_CDN : OFFICE_JS_LOCAL, csp: taskpaneCsp },
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/taskpane/preview.html",
        chunks: ["preview"],
        templateParameters: { csp: previewCsp },
      }),
      new HtmlWebpackPlugin({
        filename: "help.html",
        template: "./src/help/help.html",
        chunks: ["help"],
        templateParameters: { csp: previewCsp },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "node_modules/@microsoft/office-js/dist",
            to: "assets/office-js",
            globOptions: { ignore: ["**/*.debug.js"] },
            // Without this Terser minifies ~370 office.js files on every production build (minutes).
            info: { minimized: true },
          },
        ],
      }),
    ],
    devServer: {
      port: PORT,
      server,
      static: { directory: path.join(__dirname, "dist"), watch: false },
      devMiddleware: { index: env.preview ? "preview.html" : "taskpane.html" },
      headers: {
        // Excel on the web fetches functions.json from another origin.
        "Access-Control-Allow-Origin": "*",
        "Content-Security-Policy": taskpaneCsp,
      },
      open: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
      onListening: (devServer) => {
        const url = `${useHttp ? "http" : "https"}://localhost:${PORT}`;
        devServer.logger.info(`task pane: ${url}/taskpane.html   preview: ${url}/preview.html`);
      },
    },
  };
};

module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.OFFICE_JS_LOCAL = OFFICE_JS_LOCAL;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
