// Security lint (issue 6): no code from strings, no HTML from data. House rules (issue 12): line length, unused
// code, no `any` in src/, no import cycles. Type errors are tsc's job; layout is prettier's (.prettierrc.json).
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

const banned = "is banned: it can run or inject code built from workbook data";

// Boundaries between layers (issue 20), each with the reason a reader sees when it fires (test/lint/boundaries.test.ts
// proves every zone fires).
// The pane never computes: its screens, actions and workbook helpers read the engine's vocabulary (types, key
// catalogue, names, number reading) but every SEND computation, explanations included, reaches them through the
// workbook port (src/taskpane/ports), whose composition roots (index.tsx, preview.tsx) inject it.
const PANE =
  "./src/taskpane/{App.tsx,PaneContext.tsx,numbers.ts,actions/**,components/**,screens/**,workbook/**,preview/**}";
const PANE_ENGINE_OK = [
  "./types.ts",
  "./normalize.ts",
  "./keys.ts",
  "./nearest.ts",
  "./coerce.ts",
  "./money.ts",
  "./library",
  "./rates.ts",
  "./demand/breakdowns.ts",
];
export const BOUNDARY_ZONES = [
  {
    target: PANE,
    from: "./src/functions",
    message: "the pane never computes: SEND functions and explanations reach it through the workbook port",
  },
  {
    target: PANE,
    from: "./src/engine",
    except: PANE_ENGINE_OK,
    message: "the pane never computes: only the engine's types, vocabulary and readers (see eslint.config.mjs)",
  },
  {
    target: "./src/data",
    from: "./src/import",
    message: "data does not depend on import: shared helpers live in src/util",
  },
  {
    target: "./src/engine/checkTable.ts",
    from: "./src/engine/check.ts",
    message: "check.ts uses checkTable.ts, not the reverse: shared types live in engine/types.ts",
  },
  {
    target: "./src/taskpane/workbook",
    from: "./src/taskpane/components",
    message: "components use the workbook helpers, not the reverse: shared formatting lives in taskpane/numbers.ts",
  },
];
export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  {
    files: ["src/**/*.{ts,tsx}", "bin/**/*.js", "scripts/**/*.{js,ts}", "bench/**/*.ts"],
    // registered (no rules enabled) so eslint-disable comments naming its rules resolve
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { ecmaFeatures: { jsx: true } },
      // declared so no-implied-eval recognises setTimeout("code") and friends
      globals: {
        window: "readonly",
        globalThis: "readonly",
        self: "readonly",
        setTimeout: "readonly",
        setInterval: "readonly",
        execScript: "readonly",
      },
    },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-properties": [
        "error",
        { property: "innerHTML", message: `innerHTML ${banned}` },
        { property: "outerHTML", message: `outerHTML ${banned}` },
        { property: "insertAdjacentHTML", message: `insertAdjacentHTML ${banned}` },
        { object: "document", property: "write", message: `document.write ${banned}` },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${banned}` },
        { selector: "NewExpression[callee.name='Function']", message: `new Function ${banned}` },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts", "test/**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": tseslint.plugin, "import-x": importX },
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js"] })],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx"] },
    },
    rules: {
      // prettier wraps code at 120; this catches the comments and strings it leaves alone
      "max-len": [
        "error",
        {
          code: 120,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      "import-x/no-cycle": "error",
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { "import-x": importX },
    rules: { "import-x/no-restricted-paths": ["error", { zones: BOUNDARY_ZONES }] },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
);
