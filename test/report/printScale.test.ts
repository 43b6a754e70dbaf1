/**
 * The printed width of every report sheet: each prints one page wide on A4 landscape, so the
 * sum of its column widths sets the scale. The bound: at fit-to-width no sheet of the sample
 * reports prints under 60% (11 pt at 60% is 6.6 pt, about the smallest a director reads). The
 * reports are those of the README's commands on the sample data: the quadrant report of
 * samples/cases.csv, the audit of the Harbin 2022 table against 2024, the trends of the sample.
 *
 * Measured before the fit (layout/widths.ts): the audit sheet 345 characters wide, printing at
 * 42%; the trends sheet 281 characters, 52%.
 */
import * as path from "path";
import { buildAudit, parseAuditArgs } from "../../src/cli/commands/audit";
import { buildReport, parseReportArgs } from "../../src/cli/commands/report";
import { buildTrends, parseTrendsArgs } from "../../src/cli/commands/trends";
import { auditWorkbook } from "../../src/report/audit/sheets";
import { blockColumns } from "../../src/report/layout/sheetLayout";
import {
  columnLayout,
  printScale,
  PRINT_WIDTH_POINTS,
  READABLE_SCALE,
  TEXT_FLOOR,
} from "../../src/report/layout/widths";
import { WorkbookModel } from "../../src/report/model";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import { trendsWorkbook } from "../../src/report/trends/sheets";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "samples", "cases.csv");
const HARBIN = (y: number) => path.join(ROOT, "data", `harbin_chsdrg_weights_${y}.csv`);

const BOOKS: [string, (lang: "zh" | "en") => Promise<WorkbookModel>][] = [
  ["quadrant", async (lang) => quadrantWorkbook(await buildReport(parseReportArgs([SAMPLE], lang), "x"), lang)],
  [
    "audit",
    async (lang) =>
      auditWorkbook(await buildAudit(parseAuditArgs([HARBIN(2022), "--adjusted", HARBIN(2024)], lang), "x"), lang),
  ],
  [
    "trends",
    async (lang) =>
      trendsWorkbook(
        await buildTrends(parseTrendsArgs([SAMPLE, "--before", "2022", "--after", "2024"], lang), "x"),
        lang,
      ),
  ],
];

test("the page: A4 landscape between 0.4 in margins is 784 pt wide; 60% of it takes 1,307 pt of columns", () => {
  // (297 / 25.4 - 0.8) in x 72 = (11.693 - 0.8) x 72 = 784.3 pt
  expect(PRINT_WIDTH_POINTS).toBeCloseTo(784.3, 1);
  // ten columns of 24 characters: trunc(24 x 7 + 5) = 173 px = 129.75 pt each, 1,297.5 pt: 784.3 / 1297.5 = 0.6045
  expect(printScale(Array(10).fill(24))).toBeCloseTo(0.6045, 4);
  expect(printScale([10])).toBe(1);
});

test("a sheet too wide for the page: the text columns give way, widest first, the numbers keep theirs", () => {
  const money = { id: "m", header: "金额", type: "money" as const };
  const layout = columnLayout({
    name: "s",
    blocks: [
      {
        kind: "table",
        columns: [
          { id: "a", header: "说明", type: "text", width: 72 },
          { id: "b", header: "编码", type: "text" },
          ...Array.from({ length: 10 }, (_, i) => ({ ...money, id: `m${i}` })),
        ],
        rows: [["x".repeat(72), "y".repeat(50), ...Array(10).fill(123456789.12)]],
      },
    ],
  });
  // Natural: a 72 -> 60 (the most), b 50 + 2 = 52, each money column "123,456,789.12" 14 + 2 = 16:
  // trunc(60x7+5) + trunc(52x7+5) + 10 x 117 = 425 + 369 + 1,170 = 1,964 px = 1,473 pt: 784.3 / 1,473 = 53%.
  // 60% allows 784.3 / 0.6 = 1,307 pt = 1,742 px, so the text columns 1,742 - 1,170 = 572 px together:
  // cap 40 gives 2 x 285 = 570 px (1,740 px = 1,305 pt, 60.1%), cap 41 2 x 292 = 584 (1,315.5 pt, 59.6%).
  expect(layout.widths).toEqual([40, 40, ...Array(10).fill(16)]);
  expect(printScale(layout.widths)).toBeCloseTo(784.29 / 1305, 4);
  // both text columns now wrap; the numbers fit
  expect([...layout.wrapped]).toEqual(["0:0", "0:1"]);
});

test("text columns stop at TEXT_FLOOR when even that does not fit, numbers never shrink", () => {
  const layout = columnLayout({
    name: "s",
    blocks: [
      {
        kind: "table",
        columns: [
          { id: "a", header: "a", type: "text" },
          ...Array.from({ length: 20 }, (_, i) => ({ id: `n${i}`, header: "n", type: "money" as const })),
        ],
        rows: [["z".repeat(40), ...Array(20).fill(123456789.12)]],
      },
    ],
  });
  expect(layout.widths).toEqual([TEXT_FLOOR, ...Array(20).fill(16)]);
});

describe.each(BOOKS)("the %s report of the sample data", (_name, build) => {
  test.each(["zh", "en"] as const)("every sheet prints at 60%% or more at one page wide (%s)", async (lang) => {
    const model = await build(lang);
    const scales = model.sheets.map((s) => {
      const widths = columnLayout(s).widths.slice(0, blockColumns(s));
      return { sheet: s.name, readable: printScale(widths) >= READABLE_SCALE };
    });
    expect(scales).toEqual(model.sheets.map((s) => ({ sheet: s.name, readable: true })));
  });
});
