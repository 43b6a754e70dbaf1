const os = require("os");

/** @type {import('jest').Config} */
module.exports = {
  // jest's default, cores - 1, runs a 2-core machine's suite in band on one core; use both.
  maxWorkers: Math.max(2, os.cpus().length - 1),
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  // tsconfig.json has isolatedModules: ts-jest transpiles each file alone (no type check per
  // test file, which was most of the suite's time); `npm test` type-checks once with tsc first.
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: { warnOnly: false } }] },
  // Builds dist/ or the command line first when a selected test file has `@needs dist` / `@needs cli`.
  testSequencer: "<rootDir>/scripts/testSequencer.js",
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
  },
  testTimeout: 60000,
};
