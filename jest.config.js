// swc transpiles only; types are checked by `tsc --noEmit` (first half of `npm test`).
// office-addin-mock pulls ESM-only packages nested deep in node_modules: transform them too
// (the pattern matches the *last* node_modules segment; see shared toolchain notes).
const esm = ["strip-bom", "node-fetch", "fetch-blob", "formdata-polyfill", "data-uri-to-buffer", "uuid"];
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": [
      "@swc/jest",
      {
        jsc: {
          parser: { syntax: "typescript", tsx: true },
          target: "es2022",
          transform: { react: { runtime: "automatic" } },
        },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(?:${esm.join("|")})/)(?:@[^/]+/)?[^/]+/(?!.*node_modules/)`],
  testTimeout: 60000,
};
