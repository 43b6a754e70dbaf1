// office-addin-lint's own configuration (Office add-in rules and Prettier, with .prettierrc.json),
// with no-undef off: TypeScript already checks names, and knows the Node, DOM and Office globals
// each part of the code may use (typescript-eslint's advice for TypeScript projects).
// The recommended block with the Prettier and Office rules names .ts files only; the same block
// is applied to the taskpane's .tsx files too. The import rules keep the layers apart: data flows
// ranges -> engine -> report model -> renderer, so no layer imports one above it. src/words holds
// the display text that both the report layer and the custom functions need (the functions may
// not import report): it sits just above the engine, which does not import it.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

const recommended = officeAddins.configs.recommended;
const typescriptBlock = recommended.find((block) => Array.isArray(block.files));

const NODE_BUILTINS = [
  "fs",
  "path",
  "os",
  "child_process",
  "worker_threads",
  "zlib",
  "stream",
  "util",
  "url",
  "crypto",
];

/** `no-restricted-imports` for one folder: the patterns it may not import, and why. */
function layer(files, patterns, message) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
    },
  };
}

export default [
  ...recommended,
  { ...typescriptBlock, files: ["**/*.tsx"] },
  {
    plugins: {
      "office-addins": officeAddins,
    },
    languageOptions: {
      parser: tsParser,
    },
    rules: {
      "no-undef": "off",
    },
  },
  layer(
    ["src/engine/**"],
    [
      "**/words/*",
      "**/report/*",
      "**/functions/*",
      "**/taskpane/*",
      "**/cli/*",
      "**/commands/*",
      ...NODE_BUILTINS,
      ...NODE_BUILTINS.map((m) => `node:${m}`),
      "office-*",
      "@microsoft/*",
      "react",
      "react-*",
      "exceljs",
      "jszip",
    ],
    "src/engine is pure TypeScript: no Office, no Node, nothing outside src/engine.",
  ),
  layer(
    ["src/words/**"],
    [
      "**/report/*",
      "**/functions/*",
      "**/taskpane/*",
      "**/cli/*",
      "**/commands/*",
      ...NODE_BUILTINS,
      ...NODE_BUILTINS.map((m) => `node:${m}`),
      "office-*",
      "@microsoft/*",
      "react",
      "react-*",
    ],
    "src/words (display text shared by report and functions) is pure TypeScript: it imports only src/engine and itself.",
  ),
  layer(
    ["src/report/**"],
    ["**/taskpane/*", "**/cli/*"],
    "src/report must not import the taskpane or the command line.",
  ),
  layer(
    ["src/report/layout/**"],
    [
      "**/excel/*",
      "**/xlsx/*",
      "**/lazyModules",
      ...NODE_BUILTINS,
      ...NODE_BUILTINS.map((m) => `node:${m}`),
      "office-*",
      "@microsoft/*",
      "exceljs",
      "jszip",
      "**/taskpane/*",
      "**/cli/*",
    ],
    "src/report/layout decides for both renderers: pure TypeScript, no Office, no ExcelJS, no Node, no renderer.",
  ),
  layer(
    ["src/functions/**"],
    ["**/report/*", "**/taskpane/*", "**/cli/*"],
    "src/functions translates Excel arguments into engine calls; it must not import report, taskpane or cli.",
  ),
  layer(["src/taskpane/**"], ["**/cli/*"], "the taskpane must not import the command line."),
  layer(
    ["src/cli/**"],
    ["**/taskpane/*", "**/functions/*"],
    "the command line must not import the taskpane or the custom functions.",
  ),
];
