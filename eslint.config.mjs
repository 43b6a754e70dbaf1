// office-addin-lint's own configuration (Office add-in rules and Prettier, with .prettierrc.json),
// with no-undef off: TypeScript already checks names, and knows the Node, DOM and Office globals
// each part of the code may use (typescript-eslint's advice for TypeScript projects).
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  ...officeAddins.configs.recommended,
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
];
