/**
 * A demo-like report (sample cases, pool, both unit tables) printed by LibreOffice: the PDF's page
 * count must lie within bounds derived from the rows each print range holds at one page wide.
 * The pages go to test-artifacts/print/ as PNGs, for a person to look at.
 *
 * Needs `soffice` (libreoffice-calc-nogui) and `pdfinfo` / `pdftoppm` (poppler-utils): without
 * them the test is skipped with a warning; with CASEMIX_REQUIRE_LIBREOFFICE=1 (CI) it fails.
 */
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { readCaseTable } from "../../src/engine/caseTable";
import { MARGINS, printAreas } from "../../src/report/layout/pageSetup";
import { columnLayout, widthPoints } from "../../src/report/layout/widths";
import { SheetModel } from "../../src/report/model";
import { computeQuadrantReport } from "../../src/report/quadrant/compute";
import { DEFAULT_QUADRANT_SETTINGS, reportColumns, requiredColumns } from "../../src/report/quadrant/settings";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import { renderXlsx } from "../../src/report/xlsx/render";
import { sampleRows } from "../taskpane/excelLike";

jest.setTimeout(180_000);

const has = (tool: string) => spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0;
const missing = ["soffice", "pdfinfo", "pdftoppm"].filter((t) => !has(t));
if (missing.length > 0) {
  if (process.env.CASEMIX_REQUIRE_LIBREOFFICE === "1") {
    test("LibreOffice and poppler are installed (CASEMIX_REQUIRE_LIBREOFFICE=1)", () => {
      throw new Error(`The print test cannot run: ${missing.join(", ")} not found`);
    });
  } else {
    console.warn(`The LibreOffice print test did NOT run (skipped): ${missing.join(", ")} not found.`);
  }
}
const withLibreOffice = missing.length > 0 ? describe.skip : describe;

const ARTIFACTS = path.join(__dirname, "../../test-artifacts/print");

/** A4 landscape inside the margins, in points: 11.69 x 8.27 inches at 72 points an inch. */
const PAGE_WIDTH = (11.69 - MARGINS.left - MARGINS.right) * 72;
const PAGE_HEIGHT = (8.27 - MARGINS.top - MARGINS.bottom) * 72;
/**
 * Heights a printed row may take, in points at 100%: 10 (below one line of 11 pt text, 12 to 15
 * pt, to allow for LibreOffice scaling a little more than this estimate) up to 24 (a row of
 * wrapped text here and there).
 */
const ROW_MIN = 10;
const ROW_MAX = 24;

/** Rows and width in points of an A1 range "A1:K529" of a sheet. */
function rangeSize(sheet: SheetModel, range: string): { rows: number; width: number } {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
  const col = (s: string) => [...s].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const widths = columnLayout(sheet).widths;
  let width = 0;
  for (let c = col(m[1]); c <= col(m[3]); c++) width += widthPoints(widths[c] ?? 8.43);
  return { rows: Number(m[4]) - Number(m[2]) + 1, width };
}

/**
 * The fewest and most pages a sheet may print on at one page wide: per print range (a chart's
 * range is one page), rows x row height x scale over the page height, the scale being
 * min(1, page width / range width). Two pages wide would double the count past the bound.
 */
function pageBounds(sheet: SheetModel): [number, number] {
  // The rows repeated on every page: the sheet's own print titles, else its frozen rows.
  const titleRows = sheet.printTitles
    ? sheet.printTitles.last - sheet.printTitles.first + 1
    : (sheet.freeze?.rows ?? 0);
  const ranges = printAreas(sheet) ?? [`A1:Z${Math.max(1, titleRows)}`];
  const blocksOnly = printAreas(sheet) !== undefined;
  let lo = 0;
  let hi = 0;
  ranges.forEach((range, i) => {
    if (blocksOnly && i > 0) {
      lo += 1;
      hi += 1;
      return;
    }
    const { rows, width } = blocksOnly ? rangeSize(sheet, range) : { rows: sheetRows(sheet), width: 0 };
    const scale = width > 0 ? Math.min(1, PAGE_WIDTH / width) : 1;
    const pages = (h: number) => Math.max(1, Math.ceil((rows * h * scale) / (PAGE_HEIGHT - titleRows * h * scale)));
    lo += pages(ROW_MIN);
    hi += pages(ROW_MAX);
  });
  return [lo, hi];
}

function sheetRows(sheet: SheetModel): number {
  let rows = 0;
  for (const b of sheet.blocks) rows += (b.kind === "text" ? 1 : b.rows.length + 2) + (b.kind === "text" ? 0 : 1);
  return rows;
}

withLibreOffice("the demo-like report printed by LibreOffice", () => {
  test("prints one page wide, within the pages its rows need, and leaves the pages as PNGs", async () => {
    const rows = sampleRows(6000);
    const settings = {
      ...DEFAULT_QUADRANT_SETTINGS,
      money: { mode: "pool" as const, pool: 1_000_000 },
      unit: "both" as const,
    };
    const table = readCaseTable(rows, { columns: reportColumns(settings), required: requiredColumns(settings) });
    const report = computeQuadrantReport(table, settings, { source: "sample", version: "9.9.9", utcOffset: 480 });
    const model = quadrantWorkbook(report, "zh");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-print-"));
    const xlsx = path.join(dir, "demo.xlsx");
    fs.writeFileSync(xlsx, await renderXlsx(model));
    // A profile of its own, so that a running LibreOffice of the user does not take the job.
    const profile = `-env:UserInstallation=file://${path.join(dir, "profile")}`;
    execFileSync("soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", dir, xlsx], { stdio: "pipe" });
    const pdf = path.join(dir, "demo.pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);

    const bounds = model.sheets.map(pageBounds);
    const lo = bounds.reduce((n, b) => n + b[0], 0);
    const hi = bounds.reduce((n, b) => n + b[1], 0);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    execFileSync("pdftoppm", ["-png", "-r", "50", pdf, path.join(ARTIFACTS, "demo")]);
    fs.copyFileSync(pdf, path.join(ARTIFACTS, "demo.pdf"));
    fs.writeFileSync(
      path.join(ARTIFACTS, "pages.txt"),
      `pages ${pages}, bounds ${lo}..${hi}\n` +
        model.sheets
          .map((s, i) => `${s.name}: ${bounds[i].join("..")} (${printAreas(s)?.join(", ") ?? "used range"})`)
          .join("\n") +
        "\n",
    );
    expect(pages).toBeGreaterThanOrEqual(lo);
    expect(pages).toBeLessThanOrEqual(hi);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
