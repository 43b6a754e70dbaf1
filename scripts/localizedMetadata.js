/* eslint-disable no-undef */
/**
 * Writes a localized copy of the custom-function metadata (functions.zh-CN.json) next to the
 * generated functions.json. The generator cannot localize, so descriptions come from tables
 * keyed by function id: src/functions/locale/*.<locale>.json, each
 *   { "CMI": { "description": "...", "parameters": { "groups": "...", ... }, "result": "..." } }
 * A function or parameter missing from the tables fails the build, so no text stays English.
 */
const fs = require("fs");
const path = require("path");

function loadTables(dir, locale) {
  const table = {};
  if (!fs.existsSync(dir)) return table;
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith(`.${locale}.json`)) continue;
    const entries = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8"));
    for (const [id, entry] of Object.entries(entries)) {
      if (table[id]) throw new Error(`${name}: ${id} is already described in another table`);
      table[id] = entry;
    }
  }
  return table;
}

/** Returns the localized metadata and the list of problems (missing ids or parameters). */
function localize(metadata, table) {
  const problems = [];
  const functions = metadata.functions.map((fn) => {
    const entry = table[fn.id];
    if (!entry) {
      problems.push(`${fn.id}: no entry`);
      return fn;
    }
    const parameters = (fn.parameters || []).map((p) => {
      const description = entry.parameters && entry.parameters[p.name];
      if (!description) problems.push(`${fn.id}: parameter ${p.name} has no description`);
      return { ...p, description: description || p.description };
    });
    return {
      ...fn,
      description: entry.description || fn.description,
      parameters,
      result: fn.result ? { ...fn.result } : fn.result,
    };
  });
  return { metadata: { ...metadata, functions }, problems };
}

class LocalizedMetadataPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { source, locale, tablesDir } = this.options;
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: compilation.constructor.PROCESS_ASSETS_STAGE_ADDITIONS + 1 },
        (assets) => {
          const asset = assets[source] || compilation.getAsset(source)?.source;
          if (!asset) return;
          const metadata = JSON.parse(asset.source().toString());
          const { metadata: localized, problems } = localize(metadata, loadTables(tablesDir, locale));
          for (const problem of problems) {
            compilation.errors.push(new Error(`functions.${locale}.json: ${problem}`));
          }
          const output = source.replace(/\.json$/, `.${locale}.json`);
          const { RawSource } = compiler.webpack.sources;
          compilation.emitAsset(output, new RawSource(JSON.stringify(localized, null, 2)));
        },
      );
    });
  }
}

module.exports = { LocalizedMetadataPlugin, localize, loadTables };
