// Security lint (issue 6): no code from strings, no HTML from data. Type errors are tsc's job.
import tseslint from "typescript-eslint";

const banned = "is banned: it can run or inject code built from workbook data";
export default tseslint.config(
  { ignores: ["dist/**", "out/**", "node_modules/**", "coverage/**", "test-artifacts/**"] },
  {
    files: ["src/**/*.{ts,tsx}", "bin/**/*.js", "scripts/**/*.{js,ts}", "bench/**/*.ts"],
    // registered (no rules enabled) so eslint-disable comments naming its rules resolve
    plugins: { "@typescript-eslint": tseslint.plugin },
    languageOptions: {
      parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } },
      // declared so no-implied-eval recognises setTimeout("code") and friends
      globals: { window: "readonly", globalThis: "readonly", self: "readonly", setTimeout: "readonly", setInterval: "readonly", execScript: "readonly" },
    },
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-restricted-properties": ["error",
        { property: "innerHTML", message: `innerHTML ${banned}` },
        { property: "outerHTML", message: `outerHTML ${banned}` },
        { property: "insertAdjacentHTML", message: `insertAdjacentHTML ${banned}` },
        { object: "document", property: "write", message: `document.write ${banned}` }],
      "no-restricted-syntax": ["error",
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: `dangerouslySetInnerHTML ${banned}` },
        { selector: "NewExpression[callee.name='Function']", message: `new Function ${banned}` }],
    },
  },
);
