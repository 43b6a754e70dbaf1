/**
 * The Excel-API renderer through office-addin-mock: round trips that do not grow with the rows,
 * requests under 5 MB, new sheets only, replacing only our own earlier report, cancelling
 * without leftovers, and the undo group.
 */
import { cellBytes, excelCell } from "../../src/report/excel/cells";
import { RenderCancelled } from "../../src/report/excel/options";
import { renderWorkbook } from "../../src/report/excel/render";
import { ReplaceIncomplete } from "../../src/report/excel/replace";
import { DEFAULT_REQUEST_BUDGET } from "../../src/report/excel/requests";
import { sheetConflicts } from "../../src/report/excel/sheetNames";
import { commonSuffix, suffixedName } from "../../src/report/layout/sheetNames";
import { renderIntoWorkbook, runExcel } from "../../src/report/excelRun";
import { placeBlocks } from "../../src/report/model";
import { MockWorkbook, mockContext } from "./excelMock";
import { syntheticModel } from "./syntheticModel";

const FIVE_MB = 5 * 1000 * 1000;
const noPause = () => Promise.resolve();

async function render(rows: number, book = new MockWorkbook(), options = {}) {
  const context = mockContext(book);
  const model = syntheticModel(rows);
  const result = await renderWorkbook(context, model, { yieldToUi: noPause, ...options });
  return { book, model, result };
}

describe("excelCell", () => {
  test("keeps text that Excel would read as something else as text", () => {
    expect(excelCell("=1+1")).toBe("'=1+1");
    expect(excelCell("+86 123")).toBe("'+86 123");
    expect(excelCell("-")).toBe("'-");
    expect(excelCell("0101")).toBe("'0101");
    expect(excelCell("2024-03-05")).toBe("'2024-03-05");
    expect(excelCell("TRUE")).toBe("'TRUE");
    expect(excelCell("Mar 2024")).toBe("'Mar 2024");
    expect(excelCell("'quoted")).toBe("''quoted");
    expect(excelCell("GB11")).toBe("GB11");
    expect(excelCell("心内科")).toBe("心内科");
    expect(excelCell("Marketing")).toBe("Marketing");
  });
  test("never sends NaN or infinities", () => {
    expect(excelCell(NaN)).toBe("");
    expect(excelCell(Infinity)).toBe("");
    expect(excelCell(null)).toBe("");
    expect(excelCell(1.25)).toBe(1.25);
  });
  test("cellBytes is the UTF-8 JSON size with the comma", () => {
    // "心内科": 3 characters x 3 bytes + 2 quotes + 1 comma = 12
    expect(cellBytes("心内科")).toBe(Buffer.byteLength(JSON.stringify("心内科")) + 1);
    expect(cellBytes('a"b')).toBe(Buffer.byteLength(JSON.stringify('a"b')) + 1);
    expect(cellBytes(1.25)).toBe(5);
  });
});

describe("sheet names", () => {
  test("one suffix for the whole report, within 31 characters", () => {
    expect(commonSuffix(["四象限分析", "参数"], ["四象限分析"])).toBe(2);
    expect(commonSuffix(["四象限分析", "参数"], ["四象限分析", "参数 (2)"])).toBe(3);
    expect(suffixedName("A".repeat(40), 12)).toBe("A".repeat(26) + " (12)");
    expect(suffixedName("a/b:c", 1)).toBe("a_b_c");
  });
});

describe("round trips", () => {
  test("the number of syncs does not grow with the rows beyond the 5 MB chunking", async () => {
    const small = await render(1000);
    const large = await render(100_000);
    // Fixed syncs: reading the sheet names and the last request (no same-named sheets here).
    const fixed = (r: typeof small.result) => r.syncs - r.budgetSyncs;
    expect(fixed(small.result)).toBe(2);
    expect(fixed(large.result)).toBe(fixed(small.result));
    expect(small.result.budgetSyncs).toBe(0);
    expect(large.result.budgetSyncs).toBeGreaterThan(0);
    // Every request measured by the mock stays under 5 MB ...
    for (const { book } of [small, large]) {
      expect(book.stats.syncs).toBe(book === small.book ? small.result.syncs : large.result.syncs);
      expect(Math.max(...book.stats.requests)).toBeLessThan(FIVE_MB);
    }
    // ... and the requests are reasonably full: the budget syncs are explained by the bytes.
    const total = large.book.stats.requests.reduce((a, b) => a + b, 0);
    expect(large.result.budgetSyncs).toBeLessThanOrEqual(Math.ceil(total / (DEFAULT_REQUEST_BUDGET * 0.5)));
    console.log(
      `render 1,000 rows: ${small.result.syncs} syncs; 100,000 rows: ${large.result.syncs} syncs ` +
        `(${large.result.budgetSyncs} for the 5 MB chunking of ${(total / 1e6).toFixed(1)} MB), ` +
        `largest request ${(Math.max(...large.book.stats.requests) / 1e6).toFixed(2)} MB`,
    );
  });

  test("a smaller budget splits into more requests, each within it", async () => {
    const budget = 200_000;
    const { book, result } = await render(5000, new MockWorkbook(), { requestBudget: budget });
    const total = book.stats.requests.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(3 * budget);
    expect(result.budgetSyncs).toBeGreaterThanOrEqual(Math.floor(total / budget));
    // The mock counts a little more than the estimate (call overhead): allow 10%.
    expect(Math.max(...book.stats.requests)).toBeLessThan(budget * 1.1);
  });

  test("writes every row, the header, formats per column (not per row) and the chart", async () => {
    const { book, model, result } = await render(3000);
    expect(result.sheets.map((s) => s.name)).toEqual(["四象限分析", "绩效激励", "参数"]);
    const sheet = book.sheet("四象限分析")!;
    const table = model.sheets[0].blocks[1];
    if (table.kind !== "table") throw new Error("table expected");
    const at = placeBlocks(model.sheets[0])[1];
    expect(sheet.written[0][0]).toBe("DRG 病组四象限分析");
    expect(sheet.written[at.headerRow].slice(0, 11)).toEqual(table.columns.map((c) => c.header));
    // Row 2999 of the table: RW 0.3 + (2999 % 40) / 10 = 0.3 + 3.9 = 4.2, rate (2999 % 21 - 10) / 40 = 7 / 40 = 0.175.
    const last = sheet.written[at.firstDataRow + 2999];
    expect(last[0]).toBe("G002999");
    expect(last[3]).toBeCloseTo(4.2, 12);
    expect(last[7]).toBeCloseTo(0.175, 12);
    expect(sheet.written[at.firstDataRow + 3000][0]).toBe("合计");
    // Number formats: one per non-text column, each over data + total rows.
    expect(sheet.numberFormats).toHaveLength(8);
    expect(sheet.numberFormats.every((f) => f.rows === 3001 && f.columns === 1)).toBe(true);
    expect(sheet.numberFormats.find((f) => f.column === 7)!.format).toBe("0.00%");
    // The parameters block keeps the formula-looking text as text.
    const params = book.sheet("参数")!;
    expect(params.written.flat()).toContain('\'=HYPERLINK("x")');
    expect(params.written.flat()).toContain("'1.5 / 1.3 / 1.0 / 0.8");
    // Chart: added once, with the quadrant series, two cut lines and the corner labels.
    expect(sheet.chartLogs).toHaveLength(1);
    const chartCalls = JSON.stringify(sheet.chartLogs[0]);
    expect(chartCalls).toContain("XYScatter");
    expect(chartCalls).toContain("XYScatterLinesNoMarkers");
    for (const label of ["战略病种", "竞争病种", "适宜病种", "劣势病种"]) expect(chartCalls).toContain(label);
    // Non-contiguous quadrant series are plotted from hidden helper columns.
    expect(sheet.hidden.length).toBe(1);
    expect(chartCalls).toContain('"plotVisibleOnly",false');
    // Marked as ours, first sheet shown.
    expect(book.live().every((s) => s.marker)).toBe(true);
    expect(book.activeSheet?.name).toBe("四象限分析");
  });
});

describe("nothing is lost", () => {
  function userBook() {
    const book = new MockWorkbook();
    book.addSheet("病案首页", [["DRG编码"], ["GB11"]]);
    book.addSheet("四象限分析", [["my own notes"]]);
    return book;
  }

  test("a same-named sheet that is not ours is never touched: the report gets a suffix", async () => {
    const book = userBook();
    const { result } = await render(100, book, { existing: "replace" });
    expect(result.suffixedInstead).toBe(true);
    expect(result.sheets.map((s) => s.name)).toEqual(["四象限分析 (2)", "绩效激励 (2)", "参数 (2)"]);
    const mine = book.sheet("四象限分析")!;
    expect(mine.deleted).toBe(false);
    expect(mine.written).toEqual([]);
    expect(book.sheet("病案首页")!.written).toEqual([]);
  });

  test("sheetConflicts tells our earlier report from a user's sheet", async () => {
    const book = userBook();
    book.addSheet("参数", [], true);
    book.addSheet("参数 (2)", []);
    const { existing: found, suffix } = await sheetConflicts(mockContext(book), ["四象限分析", "绩效激励", "参数"]);
    expect(suffix).toBe(3);
    expect(found).toEqual([
      { name: "四象限分析", ours: false },
      { name: "参数", ours: true },
    ]);
    expect(book.stats.syncs).toBe(2);
  });

  test("our earlier report is replaced only after the new one is complete", async () => {
    const book = new MockWorkbook();
    book.addSheet("病案首页", [["DRG编码"], ["GB11"]]);
    await render(50, book);
    const old = book.sheet("四象限分析")!;
    const { result } = await render(80, book, { existing: "replace" });
    expect(result.sheets.map((s) => [s.name, s.replaced])).toEqual([
      ["四象限分析", true],
      ["绩效激励", true],
      ["参数", true],
    ]);
    expect(old.deleted).toBe(true);
    expect(book.live().map((s) => s.name)).toEqual(["病案首页", "四象限分析", "绩效激励", "参数"]);
    expect(book.sheet("四象限分析")!.written.length).toBeGreaterThan(80);
    // Probe names, probe markers, the swap, the delete of the old sheets.
    expect(result.syncs - result.budgetSyncs).toBe(4);
  });

  describe("a failing request while replacing leaves at least one complete report", () => {
    // The syncs of a replacing render of 80 rows at the default budget: 1 names, 2 markers,
    // 3 the cell data, 4 the swap, 5 the delete.
    async function replaceFailingAt(failSync: number) {
      const book = new MockWorkbook();
      await render(50, book);
      const old = book.sheet("四象限分析")!;
      book.failSync = book.stats.syncs + failSync;
      const error = await render(80, book, { existing: "replace" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      const reports = book.live().filter((s) => s.name === "四象限分析" || /^CaseMix (tmp|old) /.test(s.name));
      return { book, old, error, reports };
    }
    const complete = (rows: number) => (s: { written: unknown[][] }) => s.written.length > rows;

    test("while writing: the new sheets go, the earlier report stays as it was", async () => {
      const { book, old, error } = await replaceFailingAt(3);
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(ReplaceIncomplete);
      expect(old.deleted).toBe(false);
      expect(book.live().map((s) => s.name)).toEqual(["四象限分析", "绩效激励", "参数"]);
    });

    test("at the swap: nothing is deleted and the message says where both reports are", async () => {
      // Before: the old sheets were deleted in the same request, and the clean-up after the
      // failure deleted the new ones too: no report was left.
      const { book, old, error, reports } = await replaceFailingAt(4);
      expect(error).toBeInstanceOf(ReplaceIncomplete);
      expect((error as ReplaceIncomplete).stage).toBe("swap");
      expect(old.deleted).toBe(false);
      expect(reports.filter(complete(80))).toHaveLength(1);
      expect(reports.filter((s) => s.written.length > 50 && !complete(80)(s))).toHaveLength(1);
      expect(book.live()).toHaveLength(6);
      expect((error as ReplaceIncomplete).messageIn("en")).toContain("“CaseMix old 1”");
      expect((error as ReplaceIncomplete).messageIn("zh")).toContain("未删除任何内容");
    });

    test("at the delete: the new report is in place under its names", async () => {
      const { book, error } = await replaceFailingAt(5);
      expect(error).toBeInstanceOf(ReplaceIncomplete);
      expect((error as ReplaceIncomplete).stage).toBe("delete");
      expect(complete(80)(book.sheet("四象限分析")!)).toBe(true);
      expect(book.sheet("参数")).toBeDefined();
    });
  });

  test("suffix mode keeps the earlier report and writes a new one beside it", async () => {
    const book = new MockWorkbook();
    await render(10, book);
    const { result } = await render(10, book, { existing: "suffix" });
    expect(result.sheets[0].name).toBe("四象限分析 (2)");
    expect(book.live()).toHaveLength(6);
  });

  test("cancelling deletes the sheets of this build and leaves the earlier report", async () => {
    const book = new MockWorkbook();
    book.addSheet("病案首页", [["DRG编码"], ["GB11"]]);
    await render(20, book);
    let calls = 0;
    await expect(
      render(20_000, book, { existing: "replace", requestBudget: 100_000, isCancelled: () => ++calls >= 3 }),
    ).rejects.toBeInstanceOf(RenderCancelled);
    expect(book.live().map((s) => s.name)).toEqual(["病案首页", "四象限分析", "绩效激励", "参数"]);
    expect(book.sheet("四象限分析")!.written.length).toBeLessThan(100);
  });
});

describe("undo group", () => {
  const g = globalThis as any;
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  test("merges every request of the build into one undo group where ExcelApi 1.20 is supported", async () => {
    const seen: unknown[] = [];
    g.Office = {
      context: {
        requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && ["1.7", "1.20"].includes(v) },
      },
    };
    g.Excel = { run: async (...args: any[]) => (seen.push(args[0]), args[args.length - 1]("ctx")) };
    const { value, grouped } = await runExcel(async (ctx) => `ran with ${ctx}`);
    expect(value).toBe("ran with ctx");
    expect(grouped).toBe(true);
    expect(seen[0]).toEqual({ mergeUndoGroup: true });
  });

  test("waits while the user edits a cell where ExcelApi 1.11 is supported", async () => {
    const seen: unknown[] = [];
    g.Office = {
      context: { requirements: { isSetSupported: (_s: string, v: string) => ["1.7", "1.11"].includes(v) } },
    };
    g.Excel = { run: async (...args: any[]) => (seen.push(args[0]), args[args.length - 1]("ctx")) };
    expect((await runExcel(async () => 3)).grouped).toBe(false);
    expect(seen).toEqual([{ delayForCellEdit: true }]);
  });

  test("falls back to a run without the group when the host cannot group a call", async () => {
    const seen: unknown[] = [];
    g.Office = { context: { requirements: { isSetSupported: () => true } } };
    g.Excel = {
      run: async (...args: any[]) => {
        seen.push(args[0]);
        if (args[0].mergeUndoGroup) throw Object.assign(new Error("undo"), { code: "UndoNotSupported" });
        return args[1]("ctx");
      },
    };
    const { grouped } = await runExcel(async () => 1);
    expect(grouped).toBe(false);
    expect(seen).toEqual([{ mergeUndoGroup: true, delayForCellEdit: true }, { delayForCellEdit: true }]);
  });

  describe("the host refuses the group part way: the second run starts clean", () => {
    // A user's sheet, an earlier report of 50 rows, and a new report of 80 rows to write.
    function setUp(refuse = true) {
      const book = new MockWorkbook();
      book.addSheet("病案首页", [["DRG编码"], ["GB11"]]);
      g.Office = { context: { requirements: { isSetSupported: () => true } } };
      g.Excel = {
        run: async (...args: any[]) => {
          // Inside the group this host refuses to delete sheets, as some platforms do.
          book.refuseDeletes = refuse && args.length === 2 && args[0].mergeUndoGroup === true;
          return args[args.length - 1](mockContext(book));
        },
      };
      return book;
    }
    async function build(book: MockWorkbook, rows: number, existing: "replace" | "suffix") {
      return renderIntoWorkbook(syntheticModel(rows), { yieldToUi: noPause, existing });
    }
    const REPORT = ["四象限分析", "绩效激励", "参数"];

    for (const existing of ["replace", "suffix"] as const) {
      test(`${existing}: at every request of the grouped run`, async () => {
        // The requests of a grouped run that nothing refuses.
        const probe = setUp(false);
        await build(probe, 50, existing);
        const before = probe.stats.syncs;
        await build(probe, 80, existing);
        const requests = probe.stats.syncs - before;
        expect(requests).toBeGreaterThanOrEqual(existing === "replace" ? 5 : 2);
        for (let k = 1; k <= requests; k++) {
          const book = setUp();
          await build(book, 50, existing);
          const old = book.live().map((s) => s.name);
          book.failSync = book.stats.syncs + k;
          book.failCode = "UndoNotSupported";
          const result = await build(book, 80, existing);
          expect({ k, grouped: result.grouped }).toEqual({ k, grouped: false });
          const names = book.live().map((s) => s.name);
          expect(names.filter((n) => /^CaseMix (tmp|old) /.test(n))).toEqual([]);
          expect(book.sheet("病案首页")!.written).toEqual([]);
          if (existing === "replace") {
            expect(names).toEqual(["病案首页", ...REPORT]);
            expect(book.sheet("四象限分析")!.written.length).toBeGreaterThan(80);
          } else {
            // The earlier report stays; the new one is there once, with the suffix.
            expect(names).toEqual([...old, ...REPORT.map((n) => `${n} (2)`)]);
            expect(book.sheet("四象限分析 (2)")!.written.length).toBeGreaterThan(80);
          }
        }
      });
    }
  });

  test("older hosts run without the option", async () => {
    const seen: unknown[] = [];
    g.Office = { context: { requirements: { isSetSupported: (_s: string, v: string) => v === "1.7" } } };
    g.Excel = { run: async (...args: any[]) => (seen.push(args.length), args[args.length - 1]("ctx")) };
    expect((await runExcel(async () => 2)).grouped).toBe(false);
    expect(seen).toEqual([1]);
  });
});
