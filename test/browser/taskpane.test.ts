/**
 * The built taskpane in a real browser: headless Chromium or Chrome (found by findBrowser:
 * CHROME_PATH, else the usual install locations) through playwright-core loads
 * dist/taskpane.html from a local server, with Office.js replaced by the stand-in
 * (test/browser/officeStandIn.js: an in-memory workbook). The sample case file is a sheet of
 * that workbook and is selected; the test presses Build and checks the sheets written against
 * the engine, then builds again and replaces the earlier report through the dialog.
 * Screenshots of the taskpane in both languages go to test-artifacts/.
 *
 * Without a browser the suite is skipped and says why; with CASEMIX_REQUIRE_BROWSER=1 (CI)
 * a missing browser is a failure. jest builds dist/ first when it is stale (@needs below).
 *
 * @needs dist
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import { AddressInfo } from "net";
import { chromium, BrowserContext, Page } from "playwright-core";
import { decodeText, parseCsvColumns } from "../../src/cli/readInput";
import { readCaseTable } from "../../src/engine/caseTable";
import { Lang } from "../../src/engine/text";
import { excelCell } from "../../src/report/excel/cells";
import { placeBlocks, TableBlock } from "../../src/report/model";
import { reportColumns, requiredColumns } from "../../src/report/quadrant/settings";
import { computeQuadrantReport } from "../../src/report/quadrant/compute";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import { DEFAULT_FORM, settingsFromForm } from "../../src/taskpane/settings";
import { findBrowser } from "./findBrowser";

jest.setTimeout(300_000);

const BROWSER = findBrowser();
if (BROWSER.path === undefined) {
  if (process.env.CASEMIX_REQUIRE_BROWSER === "1") {
    test("a browser is found (CASEMIX_REQUIRE_BROWSER=1)", () => {
      throw new Error(`The browser tests cannot run: ${BROWSER.reason}`);
    });
  } else {
    console.warn(`The browser tests did NOT run (skipped): ${BROWSER.reason}.`);
  }
}
/** The suite's describe: skipped, not passed, without a browser. */
const withBrowser = BROWSER.path === undefined ? describe.skip : describe;

const ROOT = path.join(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const ARTIFACTS = path.join(ROOT, "test-artifacts");
const STAND_IN = fs.readFileSync(path.join(__dirname, "officeStandIn.js"), "utf8");
const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const DATA_SHEET = "病案首页";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "text/xml",
};

let server: http.Server;
let base: string;
let browser: BrowserContext;
let profile: string;
/** The sample cases as the CSV holds them (header first); the stand-in types them into a sheet. */
let csvRows: string[][];

withBrowser("the built taskpane in a browser", () => {
  beforeAll(async () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html")))
      throw new Error("dist/taskpane.html is missing: run `npm run build` first");
    const { text } = decodeText(fs.readFileSync(path.join(ROOT, "samples/cases.csv")));
    const { columns, rows } = parseCsvColumns(text);
    csvRows = Array.from({ length: rows }, (_, r) => columns.map((c) => c[r] ?? ""));
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    server = http.createServer((req, res) => {
      const url = decodeURIComponent((req.url ?? "/").split("?")[0]);
      const file = path.join(DIST, path.normalize(url === "/" ? "/taskpane.html" : url));
      if (!file.startsWith(DIST) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
        res.writeHead(404).end("not found");
        return;
      }
      res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    profile = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-chromium-"));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: BROWSER.path,
      headless: true,
      viewport: { width: 380, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    // Office.js from the CDN is answered by the stand-in; nothing else leaves the machine.
    await browser.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      return route.abort();
    });
    await browser.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: STAND_IN }),
    );
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    if (profile) fs.rmSync(profile, { recursive: true, force: true });
  });

  interface Snapshot {
    sheets: {
      name: string;
      marker: boolean;
      values: unknown[][];
      numberFormats: { row: number; column: number; rows: number; columns: number; format: unknown }[];
      frozen: { rows: number; columns: number } | null;
      autoFilter: string | null;
      charts: {
        type: string;
        title: string;
        series: { name: string; x: string; y: string; chartType: string; labels: string[] }[];
      }[];
    }[];
    active: string | null;
    formulas: unknown[];
    runs: { options: { mergeUndoGroup?: boolean }; syncs: number }[];
    syncs: number;
  }

  async function openTaskpane(
    displayLanguage: string,
    extraSheets: { name: string; values: unknown[][] }[] = [],
  ): Promise<Page> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    (page as unknown as { pageErrors: string[] }).pageErrors = errors;
    const config = {
      displayLanguage,
      apiVersion: "1.20",
      sheets: [{ name: DATA_SHEET, values: csvRows }, ...extraSheets],
      selection: { sheet: DATA_SHEET, address: `A1:P${csvRows.length}` },
    };
    await page.addInitScript((c) => {
      (window as unknown as { __CASEMIX_STANDIN__: unknown }).__CASEMIX_STANDIN__ = c;
    }, config);
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector('[data-testid="build"]', { timeout: 60_000 });
    return page;
  }

  async function build(page: Page): Promise<void> {
    await page.click('[data-testid="build"]');
  }

  async function waitForOutcome(page: Page): Promise<void> {
    const outcome = await page.waitForSelector('[data-testid="result"], [data-testid="error"]', { timeout: 240_000 });
    if ((await outcome.getAttribute("data-testid")) === "error")
      throw new Error(`the taskpane reported: ${await outcome.innerText()}`);
  }

  /**
   * The stand-in's workbook. It comes over as one JSON string: Playwright's own serialization
   * of the 24,000 x 16 sheet took about 20 s a snapshot. Numbers JSON cannot hold (NaN,
   * Infinity) are carried as { nonFinite } and restored, so they still fail the assertions.
   */
  async function snapshot(page: Page): Promise<Snapshot> {
    const json = await page.evaluate(() =>
      JSON.stringify((window as unknown as { __standIn: { snapshot(): Snapshot } }).__standIn.snapshot(), (_k, v) =>
        typeof v === "number" && !Number.isFinite(v) ? { nonFinite: String(v) } : v,
      ),
    );
    return JSON.parse(json, (_k, v) =>
      v && typeof v === "object" && typeof v.nonFinite === "string" && Object.keys(v).length === 1
        ? Number(v.nonFinite)
        : v,
    );
  }

  /** What the engine and the report builder give for the same cells and the default settings. */
  function expectedModel(values: unknown[][], lang: Lang) {
    const settings = settingsFromForm(DEFAULT_FORM, lang).settings!;
    const table = readCaseTable(values, { columns: reportColumns(settings), required: requiredColumns(settings) });
    const report = computeQuadrantReport(table, settings, {
      source: `${DATA_SHEET}!A1:P${values.length}`,
      version: "test",
    });
    return { report, model: quadrantWorkbook(report, lang) };
  }

  /** A model cell as Excel holds it after the renderer wrote it. */
  function held(value: unknown): unknown {
    const sent = excelCell(value as never);
    return typeof sent === "string" && sent.startsWith("'") ? sent.slice(1) : sent;
  }

  function expectTableWritten(sheet: Snapshot["sheets"][number], block: TableBlock, headerRow: number): void {
    const values = sheet.values;
    expect(values[headerRow].slice(0, block.columns.length)).toEqual(block.columns.map((c) => c.header));
    block.rows.forEach((row, i) => {
      const got = values[headerRow + 1 + i];
      row.forEach((cell, j) => {
        if (typeof cell === "number") expect(got[j] as number).toBeCloseTo(cell, 9);
        else expect(got[j]).toEqual(held(cell));
      });
    });
    if (block.totalRow) {
      const total = values[headerRow + 1 + block.rows.length];
      block.totalRow.forEach((cell, j) => {
        if (typeof cell === "number") expect(total[j] as number).toBeCloseTo(cell, 6);
      });
    }
  }

  describe.each([
    ["zh-CN", "zh", ["四象限分析", "绩效激励", "参数"]],
    ["en-US", "en", ["Quadrant Analysis", "Incentives", "Parameters"]],
  ] as const)("taskpane in %s", (displayLanguage, lang, sheetNames) => {
    test("Build writes the report sheets, equal to the engine's numbers; a second Build replaces them after asking", async () => {
      const page = await openTaskpane(displayLanguage);
      const before = await snapshot(page);
      const source = before.sheets[0].values;
      expect(source.length).toBe(csvRows.length);

      await build(page);
      await waitForOutcome(page);
      await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${lang}.png`), fullPage: true });
      const after = await snapshot(page);

      // New sheets only, marked as ours; the user's sheet unchanged; no formula written.
      expect(after.sheets.map((s) => s.name)).toEqual([DATA_SHEET, ...sheetNames]);
      expect(after.sheets[0].values).toEqual(source);
      expect(after.sheets[0].marker).toBe(false);
      expect(after.sheets.slice(1).every((s) => s.marker)).toBe(true);
      expect(after.formulas).toEqual([]);
      expect(after.active).toBe(sheetNames[0]);
      // The write ran as one undo group.
      const writes = after.runs.filter((r) => r.options.mergeUndoGroup);
      expect(writes).toHaveLength(1);

      // The same numbers as the engine on the same cells.
      const { report, model } = expectedModel(source, lang);
      for (const s of [0, 1]) {
        const sheetModel = model.sheets[s];
        const placements = placeBlocks(sheetModel);
        sheetModel.blocks.forEach((block, b) => {
          if (block.kind === "table") expectTableWritten(after.sheets[1 + s], block, placements[b].headerRow);
        });
      }
      const quadrantSheet = after.sheets[1];
      expect(report.groups.length).toBeGreaterThan(300);
      expect(quadrantSheet.frozen).toEqual(model.sheets[0].freeze);
      expect(quadrantSheet.autoFilter).toMatch(/!A\d+:K\d+$/);
      // The groups table's rate column (column H; the summary above it has formats of its own).
      const groupsAt = model.sheets[0].blocks.findIndex((b) => b.kind === "table" && b.columns[7]?.id === "rate");
      const groupsFirstRow = placeBlocks(model.sheets[0])[groupsAt].firstDataRow;
      expect(groupsAt).toBeGreaterThan(0);
      expect(
        quadrantSheet.numberFormats.find((f) => f.column === 7 && f.row >= groupsFirstRow)?.format,
      ).toBe("0.00%");
      // The chart: quadrant series, the two cut lines and the quadrant names in the corners.
      expect(quadrantSheet.charts).toHaveLength(1);
      const chart = quadrantSheet.charts[0];
      expect(chart.type).toBe("XYScatter");
      const lines = chart.series.filter((s) => s.chartType === "XYScatterLinesNoMarkers");
      expect(lines).toHaveLength(2);
      const labels = chart.series.flatMap((s) => s.labels).filter(Boolean);
      expect(labels).toHaveLength(4);
      expect(
        chart.series.filter((s) => s.chartType === "XYScatter" && s.labels.length === 0).map((s) => s.name),
      ).toEqual(model.sheets[0].charts![0].series.map((s) => s.name));
      // Parameters: rows read and the add-in's version.
      const params = after.sheets[3].values.flat();
      expect(params).toContain(report.rowsRead);

      const summary = await page.innerText('[data-testid="result"]');
      expect(summary).toContain(sheetNames[0]);
      expect(summary).toContain(report.hospital.cmi.toFixed(4));

      // Build again: the dialog asks; replace the earlier report.
      await build(page);
      await page.waitForSelector('[data-testid="replace"]', { timeout: 120_000 });
      const dialog = await page.innerText('[data-testid="conflict"]');
      expect(dialog).toContain(sheetNames[0]);
      expect(dialog).toContain(
        lang === "zh" ? "删除这些工作表，连同您在其中添加的内容" : "Replace deletes those sheets, with anything you added",
      );
      // Let the dialog finish fading in before the picture (the picture only; nothing is asserted on time).
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${lang}-replace.png`) });
      await page.click('[data-testid="replace"]');
      await waitForOutcome(page);
      const again = await snapshot(page);
      expect(again.sheets.map((s) => s.name)).toEqual([DATA_SHEET, ...sheetNames]);
      expect(again.sheets[1].values.length).toBe(quadrantSheet.values.length);
      expect(await page.innerText('[data-testid="result"]')).toContain(
        lang === "zh" ? "之前的报表已被替换" : "The earlier report was replaced",
      );
      expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);

      // The other three views are tabs of the same page: each shows its own form, in the same language.
      const views = [
        ["audit", lang === "zh" ? "权重审核" : "Weight audit"],
        ["trends", lang === "zh" ? "趋势与质量" : "Trends"],
        ["payment", lang === "zh" ? "DRG 付费盈亏" : "DRG payment"],
      ] as const;
      for (const [view, label] of views) {
        await page.getByRole("tab", { name: label }).click();
        await page.waitForTimeout(300);
        expect(await page.getByRole("tab", { name: label }).getAttribute("aria-selected")).toBe("true");
        await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-${lang}-${view}.png`), fullPage: true });
      }
      expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);
      await page.close();
    });
  });

  test.each([
    ["zh-CN", ["四象限与绩效", "权重审核", "趋势与质量", "DRG 付费盈亏"]],
    ["en-US", ["Quadrants", "Weight audit", "Trends", "DRG payment"]],
  ])("at 320 px in %s every view fits the pane's width (no horizontal scrolling)", async (language, tabs) => {
    const page = await openTaskpane(language);
    await page.setViewportSize({ width: 320, height: 900 });
    for (const [i, tab] of tabs.entries()) {
      await page.getByRole("tab", { name: tab }).click();
      await page.waitForTimeout(300);
      // The quadrant form at its widest: the expected DRG payment's rate, point value and coefficient shown.
      if (i === 0) {
        await page.getByTestId("revenue").selectOption("payment");
        await expect(page.getByTestId("rate").isVisible()).resolves.toBe(true);
      }
      const { scrollWidth, clientWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
      }));
      await page.screenshot({ path: path.join(ARTIFACTS, `taskpane-320-${language}-${i + 1}.png`), fullPage: true });
      expect({ tab, scrollWidth }).toEqual({ tab, scrollWidth: Math.min(scrollWidth, clientWidth) });
      // Every tab stays on screen: none is clipped at the right edge.
      for (const name of tabs) {
        const box = await page.getByRole("tab", { name }).boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(clientWidth);
      }
    }
    expect((page as unknown as { pageErrors: string[] }).pageErrors).toEqual([]);
    await page.close();
  });

  test("a user's sheet with a report's name is never replaced: the dialog offers the suffix only", async () => {
    const mine = [
      ["我的笔记", "不要改动"],
      [1, 2],
    ];
    const page = await openTaskpane("zh-CN", [{ name: "四象限分析", values: mine }]);
    await build(page);
    await page.waitForSelector('[data-testid="suffix"]', { timeout: 120_000 });
    expect(await page.$('[data-testid="replace"]')).toBeNull();
    expect(await page.innerText('[data-testid="conflict"]')).toContain("不是 CaseMix 生成的报表");
    await page.click('[data-testid="suffix"]');
    await waitForOutcome(page);
    const after = await snapshot(page);
    expect(after.sheets.map((s) => s.name)).toEqual([
      DATA_SHEET,
      "四象限分析",
      "四象限分析 (2)",
      "绩效激励 (2)",
      "参数 (2)",
    ]);
    expect(after.sheets[1].values).toEqual(mine);
    expect(after.sheets[1].marker).toBe(false);
    await page.close();
  });
});
