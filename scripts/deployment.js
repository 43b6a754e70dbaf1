/**
 * Where the add-in is served from and where it loads Office.js from, read from the build's
 * environment, and the manifest written for that address.
 *
 * - `ADDIN_BASE_URL` (for example `https://drg.example-hospital.cn/casemix/`): a production
 *   build for that address. Every URL of the manifest is put under it, script names carry a
 *   content hash (so a browser or proxy cache never serves an old script after an update),
 *   and the manifest and pages refer to the hashed names. Unset: today's localhost build.
 * - `OFFICE_JS`: `microsoft` (default, Microsoft's worldwide CDN), `china` (the CDN for
 *   Office 365 operated by 21Vianet, as Microsoft's "Referencing the Office JavaScript API
 *   library" page asks for that cloud), or `local` (the copy in the `@microsoft/office-js`
 *   package, served from `office-js/` beside the pages, for networks that reach no CDN).
 *
 * A bad value stops the build before anything is compiled, with a message in both languages.
 */
const DEV_BASE = "https://localhost:3000/";

const OFFICE_JS_SOURCES = {
  microsoft: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  china: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
  local: "office-js/office.js",
};

class DeploymentError extends Error {
  constructor(en, zh) {
    super(`${en}\n${zh}`);
    this.name = "DeploymentError";
  }
}

/** The base URL as `https://host[:port]/path/`, or a `DeploymentError` saying what is wrong. */
function parseBaseUrl(value) {
  const text = String(value).trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new DeploymentError(
      `ADDIN_BASE_URL "${text}" is not a URL; give the address the add-in is served from, e.g. https://drg.example-hospital.cn/casemix/`,
      `ADDIN_BASE_URL "${text}" 不是网址；请填写加载项的托管地址，例如 https://drg.example-hospital.cn/casemix/`,
    );
  }
  if (url.protocol !== "https:") {
    throw new DeploymentError(
      `ADDIN_BASE_URL "${text}" must start with https:// (Office loads add-ins only over HTTPS)`,
      `ADDIN_BASE_URL "${text}" 必须以 https:// 开头（Office 只通过 HTTPS 加载加载项）`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new DeploymentError(
      `ADDIN_BASE_URL "${text}" must be a plain address without ?query, #fragment or user name`,
      `ADDIN_BASE_URL "${text}" 应为不含 ?查询、#片段或用户名的普通地址`,
    );
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${path}`;
}

/** Where the pages load Office.js from. */
function officeJsSource(value) {
  const kind = value === undefined || value === "" ? "microsoft" : String(value).trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(OFFICE_JS_SOURCES, kind)) {
    throw new DeploymentError(
      `OFFICE_JS "${value}" is not one of microsoft, china, local`,
      `OFFICE_JS "${value}" 应为 microsoft、china 或 local 之一`,
    );
  }
  return { kind, src: OFFICE_JS_SOURCES[kind] };
}

/** The manifest's four-part version from package.json's `major.minor.patch`. */
function manifestVersion(packageVersion) {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(String(packageVersion));
  if (!m) {
    throw new DeploymentError(
      `package.json version "${packageVersion}" is not major.minor.patch`,
      `package.json 的版本号 "${packageVersion}" 不是 主.次.修订 格式`,
    );
  }
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The build's settings from its environment; throws `DeploymentError` on a bad value. */
function deploymentSettings(env, packageVersion) {
  const given = env.ADDIN_BASE_URL !== undefined && env.ADDIN_BASE_URL.trim() !== "";
  return {
    baseUrl: given ? parseBaseUrl(env.ADDIN_BASE_URL) : DEV_BASE,
    hashed: given,
    officeJs: officeJsSource(env.OFFICE_JS),
    version: manifestVersion(packageVersion),
  };
}

/**
 * The manifest for the build: every development URL under the base (the app domain becomes the
 * base's origin), the version from package.json, and the script URL naming the built script.
 */
function rewriteManifest(xml, { baseUrl, version, scriptName }) {
  const origin = new URL(baseUrl).origin;
  let out = xml
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${version}</Version>`)
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${origin}</AppDomain>`)
    .split(DEV_BASE)
    .join(baseUrl);
  if (scriptName) out = out.replace(`${baseUrl}taskpane.js"`, `${baseUrl}${scriptName}"`);
  return out;
}

/**
 * Emits `manifest*.xml` rewritten for the build once the script names are final (after the
 * content hashes are settled).
 */
class ManifestPlugin {
  constructor({ files, settings }) {
    this.files = files;
    this.settings = settings;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    const fs = require("fs");
    const path = require("path");
    compiler.hooks.thisCompilation.tap("ManifestPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ManifestPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const entry = compilation.entrypoints.get("taskpane");
          const scriptName = entry && [...entry.getFiles()].find((f) => f.endsWith(".js"));
          for (const file of this.files) {
            compilation.fileDependencies.add(file);
            const xml = fs.readFileSync(file, "utf8");
            const text = rewriteManifest(xml, { ...this.settings, scriptName });
            compilation.emitAsset(path.basename(file), new sources.RawSource(text));
          }
        },
      );
    });
  }
}

module.exports = {
  DEV_BASE,
  OFFICE_JS_SOURCES,
  DeploymentError,
  ManifestPlugin,
  deploymentSettings,
  manifestVersion,
  officeJsSource,
  parseBaseUrl,
  rewriteManifest,
};
