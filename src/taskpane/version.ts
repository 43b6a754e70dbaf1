import pkg from "../../package.json";

/** The add-in's version (package.json): in reports' stamps and parameters and under the run panel. */
export const VERSION: string = pkg.version;
