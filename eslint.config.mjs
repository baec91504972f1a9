// Security lint (issue 6): no code from strings, no HTML from data. House rules (issue 12): line length, unused
// code, no `any` in src/, no import cycles. Type errors are tsc's job; layout is prettier's (.prettierrc.json).
import tseslint from "typescript-eslint";
import importX, { createNodeResolver } from "eslint-plugin-import-x";

const banned = "is banned: it can run or inject code built from workbook data";
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
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
);
