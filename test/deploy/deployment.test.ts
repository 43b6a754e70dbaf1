/**
 * The build for a hospital's own address (scripts/deployment.js): the settings read from the
 * environment, the manifest rewritten for the address, and a real webpack run through the
 * plugin that writes it, with a content-hashed script.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deployment = require("../../scripts/deployment");
// xml2js comes with office-addin-manifest (the manifest tooling); used here only to check the XML is well formed.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseStringPromise } = require("xml2js");
const ROOT = path.join(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://drg.example-hospital.cn/casemix/";

/** Every URL in the text (attribute values and element text). */
function urls(xml: string): string[] {
  return [...xml.matchAll(/https?:\/\/[^"<\s]+/g)]
    .map((m) => m[0])
    .filter((u) => !u.includes("schemas.microsoft.com") && !u.includes("www.w3.org"));
}

describe("deploymentSettings", () => {
  test("without ADDIN_BASE_URL: today's localhost build, plain script names, Microsoft's CDN", () => {
    expect(deployment.deploymentSettings({}, "0.1.0")).toEqual({
      baseUrl: "https://localhost:3000/",
      hashed: false,
      officeJs: { kind: "microsoft", src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js" },
      version: "0.1.0.0",
    });
    expect(deployment.deploymentSettings({ ADDIN_BASE_URL: "  " }, "0.1.0").hashed).toBe(false);
  });

  test("a base URL gets its trailing slash and turns on hashed names", () => {
    const s = deployment.deploymentSettings({ ADDIN_BASE_URL: "https://drg.example-hospital.cn/casemix" }, "1.2.3");
    expect(s.baseUrl).toBe(BASE);
    expect(s.hashed).toBe(true);
    expect(s.version).toBe("1.2.3.0");
    expect(deployment.parseBaseUrl("https://intranet.example:8443")).toBe("https://intranet.example:8443/");
    expect(deployment.parseBaseUrl(" https://Intranet.Example/a/b/ ")).toBe("https://intranet.example/a/b/");
  });

  test.each([
    ["http://drg.example-hospital.cn/", "must start with https://", "必须以 https:// 开头"],
    ["drg.example-hospital.cn/casemix/", "is not a URL", "不是网址"],
    ["not a url", "is not a URL", "不是网址"],
    ["https://drg.example-hospital.cn/?v=1", "without ?query", "不含 ?查询"],
    ["https://user:pw@drg.example-hospital.cn/", "user name", "用户名"],
  ])("refuses ADDIN_BASE_URL %s, saying why in both languages", (value, en, zh) => {
    expect(() => deployment.deploymentSettings({ ADDIN_BASE_URL: value }, "0.1.0")).toThrow(en);
    expect(() => deployment.deploymentSettings({ ADDIN_BASE_URL: value }, "0.1.0")).toThrow(zh);
  });

  test("OFFICE_JS chooses the Office.js source; anything else is refused", () => {
    expect(deployment.officeJsSource("china").src).toBe(
      "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
    );
    expect(deployment.officeJsSource("LOCAL")).toEqual({ kind: "local", src: "office-js/office.js" });
    expect(() => deployment.officeJsSource("cdn")).toThrow("microsoft, china, local");
    expect(() => deployment.officeJsSource("constructor")).toThrow("microsoft, china, local");
  });

  test("the manifest version comes from package.json's major.minor.patch", () => {
    expect(deployment.manifestVersion("0.1.0")).toBe("0.1.0.0");
    expect(deployment.manifestVersion("2.10.3-beta.1")).toBe("2.10.3.0");
    expect(() => deployment.manifestVersion("1.0")).toThrow("major.minor.patch");
  });
});

describe("the manifest's requirements", () => {
  test("declares the sets the add-in cannot work without: SharedRuntime 1.1 and ExcelApi 1.9", async () => {
    const xml = await parseStringPromise(MANIFEST);
    const sets = xml.OfficeApp.Requirements[0].Sets[0].Set.map((s: any) => [s.$.Name, s.$.MinVersion]);
    expect(sets).toEqual([
      ["SharedRuntime", "1.1"],
      ["ExcelApi", "1.9"],
    ]);
  });

  test("newer ExcelApi sets are only used behind isSetSupported", () => {
    const run = fs.readFileSync(path.join(ROOT, "src/report/excelRun.ts"), "utf8");
    const guarded = [...run.matchAll(/excelApiSupported\("([\d.]+)"\)/g)].map((m) => Number(m[1].split(".")[1]));
    expect(guarded.length).toBeGreaterThan(0);
    for (const minor of guarded) expect(minor).toBeGreaterThan(9);
  });
});

describe("rewriteManifest", () => {
  const out = deployment.rewriteManifest(MANIFEST, {
    baseUrl: BASE,
    version: "3.4.5.0",
    scriptName: "taskpane.0123abcd.js",
  });

  test("puts every URL under the base, the app domain at its origin, and names the hashed script", async () => {
    expect(out).not.toContain("localhost");
    const found = urls(out);
    // 13 URLs in manifest.xml today: icons (5), support, source, functions script, metadata
    // (2), taskpane, learn-more, and the app domain.
    expect(found).toHaveLength(urls(MANIFEST).length);
    expect(found.length).toBeGreaterThanOrEqual(13);
    for (const u of found) {
      if (u === "https://drg.example-hospital.cn") continue; // the app domain: an origin
      expect(u.startsWith(BASE)).toBe(true);
    }
    expect(out).toContain("<AppDomain>https://drg.example-hospital.cn</AppDomain>");
    expect(out).toContain(`DefaultValue="${BASE}taskpane.0123abcd.js"`);
    expect(out).toContain("<Version>3.4.5.0</Version>");
    await expect(parseStringPromise(out)).resolves.toBeDefined();
  });

  test("the development settings change nothing but the version", () => {
    const dev = deployment.deploymentSettings({}, "0.1.0");
    const same = deployment.rewriteManifest(MANIFEST, { ...dev, scriptName: "taskpane.js" });
    expect(same).toBe(MANIFEST.replace(/<Version>[^<]*<\/Version>/, "<Version>0.1.0.0</Version>"));
  });
});

describe("a webpack run through ManifestPlugin", () => {
  // A small entry stands in for the taskpane bundle: the plugin's work (reading the final
  // script name after hashing, emitting the manifest) is the same, in seconds.
  test("writes the manifest naming the content-hashed script that was emitted", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require("webpack");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-deploy-"));
    try {
      fs.writeFileSync(path.join(dir, "entry.js"), "console.log('CaseMix');\n");
      fs.copyFileSync(path.join(ROOT, "manifest.xml"), path.join(dir, "manifest.xml"));
      const settings = deployment.deploymentSettings({ ADDIN_BASE_URL: BASE, OFFICE_JS: "china" }, "0.1.0");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const HtmlWebpackPlugin = require("html-webpack-plugin");
      const compiler = webpack({
        mode: "production",
        context: dir,
        entry: { taskpane: "./entry.js" },
        output: { path: path.join(dir, "dist"), filename: "[name].[contenthash:8].js" },
        plugins: [
          new HtmlWebpackPlugin({
            filename: "taskpane.html",
            template: path.join(ROOT, "src/taskpane/taskpane.html"),
            chunks: ["taskpane"],
            officeJs: settings.officeJs.src,
          }),
          new deployment.ManifestPlugin({ files: [path.join(dir, "manifest.xml")], settings }),
        ],
      });
      const stats = await new Promise<any>((resolve, reject) =>
        compiler.run((err: Error | null, result: any) => (err ? reject(err) : resolve(result))),
      );
      expect(stats.hasErrors()).toBe(false);
      const emitted = fs.readdirSync(path.join(dir, "dist"));
      const script = emitted.find((f) => /^taskpane\.[0-9a-f]{8}\.js$/.test(f));
      expect(script).toBeDefined();
      const manifest = fs.readFileSync(path.join(dir, "dist/manifest.xml"), "utf8");
      expect(manifest).toContain(`DefaultValue="${BASE}${script}"`);
      expect(manifest).not.toContain("localhost");
      // The page loads the same hashed script, and Office.js from the chosen CDN.
      const page = fs.readFileSync(path.join(dir, "dist/taskpane.html"), "utf8");
      expect(page).toMatch(new RegExp(`<script[^>]*src="?${script!.replace(/\./g, "\\.")}"?`));
      expect(page).toContain(deployment.OFFICE_JS_SOURCES.china);
      expect(page).not.toContain("appsforoffice.microsoft.com");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a bad ADDIN_BASE_URL stops webpack before it builds, with exit code 1", () => {
    const webpackCli = path.join(ROOT, "node_modules/webpack-cli/bin/cli.js");
    const result = spawnSync(process.execPath, [webpackCli, "--mode", "production"], {
      cwd: ROOT,
      env: { ...process.env, ADDIN_BASE_URL: "http://drg.example-hospital.cn/" },
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("must start with https://");
    expect(result.stderr).toContain("必须以 https:// 开头");
    expect(result.stdout).not.toContain("compiled");
  });
});
