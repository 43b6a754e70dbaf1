import { readCaseTable } from "../../../src/engine/caseTable";
import { weightTable } from "../../../src/engine/weightTable";
import { KeyValueBlock, placeBlocks, SheetModel, TableBlock } from "../../../src/report/model";
import {
  DEFAULT_QUADRANT_SETTINGS,
  QuadrantSettings,
  reportColumns,
  requiredColumns,
} from "../../../src/report/quadrant/settings";
import { computeQuadrantReport } from "../../../src/report/quadrant/compute";
import { quadrantJson } from "../../../src/report/quadrant/json";
import { quadrantWorkbook } from "../../../src/report/quadrant/sheets";
import { fiveGroupRows, WEIGHTS } from "../fiveGroups";

const context = { source: "five.csv", version: "9.9.9", time: new Date("2024-05-01T08:00:00Z"), utcOffset: 480 };
const table = weightTable(
  WEIGHTS.map((w) => w[0]),
  WEIGHTS.map((w) => w[1]),
);

/** The groups table of the quadrant sheet (the block whose first column is the group code). */
function groupTableOf(sheet: SheetModel): TableBlock {
  return sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.columns[0].id === "group") as TableBlock;
}

function build(overrides: Partial<QuadrantSettings> = {}) {
  const settings: QuadrantSettings = {
    ...DEFAULT_QUADRANT_SETTINGS,
    weights: { source: "table", table, name: "weights.csv" },
    money: { mode: "pool", pool: 1000 },
    ...overrides,
  };
  const cases = readCaseTable(fiveGroupRows(), {
    columns: reportColumns(settings),
    required: requiredColumns(settings),
  });
  return computeQuadrantReport(cases, settings, context);
}

describe("computeQuadrantReport on the five-group data set (see fiveGroups.ts)", () => {
  const report = build();

  it("classifies every quadrant and leaves the small group unclassified", () => {
    expect(report.cuts.x).toBeCloseTo(28 / 22, 12);
    // y cut by default at the hospital's own marginal rate: revenue 5 x 10,000 + 5 x 8,000 + 5 x 4,000
    // + 5 x 3,000 + 2 x 20,000 = 165,000; contribution 5 x 6,000 - 5 x 1,000 + 5 x 2,000 - 5 x 500
    // + 2 x 10,000 = 52,500; 52,500 / 165,000 = 0.3182. A1 (0.6) and C1 (0.5) lie above it, B1 and D1 below.
    expect(report.settings.yCut).toBe("hospital");
    expect(report.cuts.y).toBeCloseTo(52_500 / 165_000, 12);
    expect(report.cuts.y).toBe(report.hospital.rate);
    // sorted by quadrant, then code
    expect(report.groups.map((g) => [g.group, g.quadrant, g.coefficient])).toEqual([
      ["A1", "strategic", 1.5],
      ["B1", "competitive", 1.3],
      ["C1", "suitable", 1.0],
      ["D1", "weak", 0.8],
      ["E1", "unclassified", 1.0],
    ]);
    expect(report.quadrantCounts).toEqual({ strategic: 1, competitive: 1, suitable: 1, weak: 1, unclassified: 1 });
  });

  it("adds up revenue, cost, contribution and rate per group", () => {
    const byCode = Object.fromEntries(report.groups.map((g) => [g.group, g]));
    // A1: 5 x 10,000 = 50,000 revenue, 5 x 4,000 = 20,000 cost, 30,000, rate 0.6
    expect(byCode.A1).toMatchObject({
      name: "甲组",
      cases: 5,
      rw: 2,
      revenue: 50000,
      cost: 20000,
      contribution: 30000,
    });
    expect(byCode.A1.rate).toBeCloseTo(0.6, 12);
    // B1: 40,000 - 45,000 = -5,000, rate -0.125
    expect(byCode.B1).toMatchObject({ revenue: 40000, cost: 45000, contribution: -5000, rate: -0.125 });
    // D1: 15,000 - 17,500 = -2,500, rate -1/6
    expect(byCode.D1.rate).toBeCloseTo(-1 / 6, 12);
    // points = cases x RW x coefficient: 15, 9.75, 2.5, 1.6, 6
    expect(report.groups.map((g) => g.points)).toEqual([15, 9.75, 2.5, expect.closeTo(1.6, 12), 6]);
    expect(report.hospital.totalWeight).toBeCloseTo(28, 12);
    expect(report.hospital).toMatchObject({ cases: 22, revenue: 165000, cost: 112500, contribution: 52500, groups: 5 });
    expect(report.hospital.rate).toBeCloseTo(52500 / 165000, 12);
    expect(report.hospital.points).toBeCloseTo(34.85, 12);
  });

  it("shares the pool by department to the cent, largest amount first", () => {
    // 外科 24.75 points, 内科 10.1 of 34.85: 100,000 cents x 24.75 / 34.85 = 71,018.65, x 10.1 / 34.85 = 28,981.35;
    // floors 99,999, the cent left goes to .65: 710.19 and 289.81
    const [t] = report.units;
    expect(t.dimension).toBe("department");
    expect(t.rows.map((r) => [r.rank, r.unit, r.cases, r.amount])).toEqual([
      [1, "外科", 10, 710.19],
      [2, "内科", 12, 289.81],
    ]);
    expect(t.rows[1].totalWeight).toBeCloseTo(10.5, 12); // 2.5 + 2 + 6
    expect(t.rows[1].cmi).toBeCloseTo(10.5 / 12, 12);
    expect(t.rows[0].points).toBeCloseTo(24.75, 12);
    expect(t.rows[0].department).toBeUndefined(); // departments have no department column of their own
    expect(t.total.amount).toBe(1000);
    expect(t.emptyUnitRows).toBe(0);
  });

  it("pays doctors too, the two leftover cents by largest remainder", () => {
    // 张 15, 李 9.75, 王 4.1, 赵 6 points: 43,041.61 / 27,977.04 / 11,764.71 / 17,216.64 cents;
    // floors 99,998; the two cents to the fractions .71 (王) and .64 (赵)
    const r = build({ unit: "both" });
    expect(r.units.map((u) => u.dimension)).toEqual(["department", "doctor"]);
    // by amount, largest first; each doctor's department is the only one of their cases
    expect(r.units[1].rows.map((x) => [x.rank, x.unit, x.department, x.amount])).toEqual([
      [1, "张医生", "外科", 430.41],
      [2, "李医生", "外科", 279.77],
      [3, "赵医生", "内科", 172.17],
      [4, "王医生", "内科", 117.65],
    ]);
    expect(r.units[1].severalDepartments).toEqual([]);
    const json = quadrantJson(r);
    expect(json.units[0]).toEqual({
      dimension: "department",
      unit: "外科",
      rank: 1,
      cases: 10,
      totalWeight: expect.closeTo(17.5, 12),
      cmi: expect.closeTo(1.75, 12),
      points: expect.closeTo(24.75, 12),
      amount: 710.19,
    });
    expect(json.units[2]).toMatchObject({ dimension: "doctor", unit: "张医生", department: "外科", rank: 1 });
    expect(json.units).toHaveLength(6);
    expect(json.parameters.years).toEqual(["2024"]);
  });

  it("reports every skipped row with its reason", () => {
    expect(report.rowsRead).toBe(25);
    expect(report.rowsUsed).toBe(22);
    expect(report.skipped).toEqual({ blankRow: 1, emptyGroup: 1, noWeight: 1 });
    expect(report.weights.missingCodes).toEqual(["Z99"]);
  });

  it("pays per point", () => {
    const r = build({ money: { mode: "perPoint", moneyPerPoint: 100 } });
    // 外科 24.75 x 100 = 2,475; 内科 10.1 x 100 = 1,010 (largest first)
    expect(r.units[0].rows.map((x) => x.amount)).toEqual([2475, 1010]);
    expect(r.units[0].total.amount).toBe(3485);
  });

  it("cuts at the medians, a fixed x and other coefficients", () => {
    // eligible A1-D1: median RW of 0.4, 0.5, 1.5, 2 = 1; median rate of -1/6, -0.125, 0.5, 0.6 = 0.1875
    const r = build({ xCut: "median", yCut: "median" });
    expect(r.cuts.x).toBe(1);
    expect(r.cuts.y).toBeCloseTo(0.1875, 12);
    expect(r.groups.map((g) => g.quadrant)).toEqual(["strategic", "competitive", "suitable", "weak", "unclassified"]);
    const r2 = build({
      xCut: 0.45,
      minCases: 2,
      coefficients: { strategic: 2, competitive: 1, suitable: 1, weak: 0.5, unclassified: 1 },
    });
    // x cut 0.45: C1 (0.5) is now strategic, only D1 (0.4) is left of it; E1 (2 cases) is classified
    const q = Object.fromEntries(r2.groups.map((g) => [g.group, g.quadrant]));
    expect(q).toEqual({ A1: "strategic", B1: "competitive", C1: "strategic", D1: "weak", E1: "strategic" });
    expect(r2.hospital.points).toBeCloseTo(5 * 2 * 2 + 5 * 1.5 + 5 * 0.5 * 2 + 5 * 0.4 * 0.5 + 2 * 3 * 2, 12);
  });

  it("computes the weights from the data when no table is given", () => {
    const r = build({ weights: { source: "data", trim: { method: "none" } } });
    // every case costs RW x 10,000: weights RW x 22 / 28, CMI exactly 1
    expect(r.hospital.cmi).toBeCloseTo(1, 12);
    expect(r.groups.find((g) => g.group === "A1")?.rw).toBeCloseTo((2 * 22) / 28, 12);
    expect(r.groups.map((g) => g.quadrant)).toEqual(["strategic", "competitive", "suitable", "weak", "unclassified"]);
    // Z99 has no cost, so no weight: skipped twice over (weights, then the analysis)
    expect(r.skipped).toEqual({ blankRow: 1, emptyGroup: 1, noCost: 1, noWeight: 1 });
    expect(r.weights).toMatchObject({ source: "data", trim: { method: "none" }, missingCodes: ["Z99"] });
  });

  it("analyses one year only", () => {
    const rows = fiveGroupRows();
    rows[1][5] = "2023-12-31"; // one A1 case moves to 2023
    const settings: QuadrantSettings = {
      ...DEFAULT_QUADRANT_SETTINGS,
      weights: { source: "table", table, name: "w" },
      year: "2024",
    };
    const r = computeQuadrantReport(readCaseTable(rows, { columns: reportColumns(settings) }), settings, context);
    expect(r.skipped.otherYear).toBe(1);
    // A1 keeps 4 cases in 2024, fewer than 5: not classified any more
    expect(r.groups.find((g) => g.group === "A1")).toMatchObject({ cases: 4, quadrant: "unclassified" });
    expect(r.hospital.cases).toBe(21);
    expect(() => computeQuadrantReport(readCaseTable(rows), { ...settings, year: "2019" }, context)).toThrow(/2019/);
  });

  it("names the missing columns", () => {
    const rows = fiveGroupRows().map((r) => r.slice(0, 9)); // no drug or material columns
    expect(() => readCaseTable(rows, { required: requiredColumns({ ...DEFAULT_QUADRANT_SETTINGS }) })).toThrow(
      /drug cost.*material cost/,
    );
    const direct = {
      ...DEFAULT_QUADRANT_SETTINGS,
      layer: "direct" as const,
      weights: { source: "table" as const, table, name: "w" },
    };
    expect(() => computeQuadrantReport(readCaseTable(fiveGroupRows()), direct, context)).toThrow(
      /allocated direct cost/,
    );
  });
});

describe("quadrantWorkbook", () => {
  const report = build();

  it("lays out the three sheets in Chinese and in English", () => {
    expect(quadrantWorkbook(report, "zh").sheets.map((s) => s.name)).toEqual(["四象限分析", "绩效激励", "参数"]);
    expect(quadrantWorkbook(report, "en").sheets.map((s) => s.name)).toEqual([
      "Quadrant Analysis",
      "Incentives",
      "Parameters",
    ]);
  });

  it("writes one row a group, a total row, the formats and the chart", () => {
    const sheet = quadrantWorkbook(report, "zh").sheets[0];
    const table = groupTableOf(sheet);
    expect(table.columns.map((c) => c.id)).toEqual([
      "group",
      "name",
      "cases",
      "rw",
      "revenue",
      "cost",
      "contribution",
      "rate",
      "quadrant",
      "coefficient",
      "points",
    ]);
    expect(table.columns[5].header).toBe("变动成本");
    expect(table.rows[0]).toEqual([
      "A1",
      "甲组",
      5,
      2,
      50000,
      20000,
      30000,
      expect.closeTo(0.6, 12),
      "战略病种",
      1.5,
      15,
    ]);
    expect(table.rows[4][8]).toBe("未分类");
    expect(table.totalRow?.slice(0, 7)).toEqual(["合计", "", 22, expect.closeTo(28 / 22, 12), 165000, 112500, 52500]);
    expect(table.conditionalFormats?.some((f) => f.columnId === "rate" && f.rule.kind === "lessThan")).toBe(true);
    expect(table.autoFilter).toBe(true);
    const at = sheet.blocks.indexOf(table);
    // the header is on row 17, under the summary: the key columns freeze, the rows do not
    expect(placeBlocks(sheet)[at].firstDataRow).toBe(17);
    expect(sheet.freeze).toEqual({ rows: 0, columns: 2 });
    // the printed pages repeat the groups' header, not the summary above it
    expect(sheet.printTitles).toEqual({
      first: placeBlocks(sheet)[at].headerRow,
      last: placeBlocks(sheet)[at].headerRow,
    });
    const chart = sheet.charts?.[0];
    expect(chart?.series[0].x.blockIndex).toBe(at);
    expect(chart?.cutLines).toEqual({ x: expect.closeTo(28 / 22, 12), y: expect.closeTo(52_500 / 165_000, 12) });
    expect(chart?.cornerLabels).toEqual({
      topRight: "战略病种",
      bottomRight: "竞争病种",
      topLeft: "适宜病种",
      bottomLeft: "劣势病种",
    });
    // one series a classified quadrant, each pointing at its rows of the table
    expect(chart?.series.map((s) => [s.name, s.rows])).toEqual([
      ["战略病种 (1)", [0]],
      ["竞争病种 (1)", [1]],
      ["适宜病种 (1)", [2]],
      ["劣势病种 (1)", [3]],
    ]);
    expect(chart?.logX).toBe(false);
  });

  it("uses the user's quadrant labels", () => {
    const r = build({ labels: { strategic: "重点病种" } });
    const table = groupTableOf(quadrantWorkbook(r, "zh").sheets[0]);
    expect(table.rows[0][8]).toBe("重点病种");
    expect(table.rows[1][8]).toBe("竞争病种");
  });

  it("lists every setting, the source and the skipped rows on the parameters sheet", () => {
    const sheet = quadrantWorkbook(report, "en").sheets[2];
    const pairs = new Map(sheet.blocks.flatMap((b) => (b.kind === "keyValue" ? b.rows : [])));
    expect(pairs.get("Source")).toBe("five.csv");
    expect(pairs.get("Rows read")).toBe(25);
    expect(pairs.get("Rows used")).toBe(22);
    expect(pairs.get("Skipped: blank rows")).toBe(1);
    expect(pairs.get("Skipped: rows whose group has no weight")).toBe(1);
    expect(pairs.get("Minimum cases to classify a group")).toBe(5);
    expect(pairs.get("Bonus pool")).toBe(1000);
    expect(pairs.get("CaseMix version")).toBe("9.9.9");
    // 08:00 UTC + 8 h = 16:00 Beijing time.
    expect(pairs.get("Built at")).toBe("2024-05-01 16:00 (UTC+8)");
    expect(pairs.get("DRG group (drg)")).toBe("DRG编码");
    expect(pairs.get("Insurance paid (insurancePaid)")).toBe("医保统筹支付");
    expect(String(pairs.get("Weights"))).toContain("weights.csv");
    // results: one type a row, the y cut (a rate) as per cent
    const results = sheet.blocks.find((b): b is KeyValueBlock => b.kind === "keyValue" && b.caption === "Results")!;
    expect(results.types).toHaveLength(results.rows.length);
    expect(results.types?.[results.rows.findIndex(([k]) => k === "y cut")]).toBe("percent");
    expect(results.types?.[results.rows.findIndex(([k]) => k === "Hospital CMI")]).toBe("weight");
  });

  it("gives each unit table a sheet of its own with a total row, frozen and with print titles", () => {
    const book = quadrantWorkbook(build({ unit: "both" }), "zh");
    expect(book.sheets.map((s) => s.name)).toEqual(["四象限分析", "科室激励", "医师激励", "参数"]);
    const unitSheets = book.sheets.slice(1, 3);
    expect(unitSheets.map((s) => (s.blocks[0] as { text: string }).text)).toEqual([
      "按象限系数计算的绩效激励：科室",
      "按象限系数计算的绩效激励：医师",
    ]);
    // title, note, the caption, then the header: row 4 (0-based 3)
    for (const s of unitSheets) {
      expect(s.freeze).toEqual({ rows: 4, columns: 2 });
      expect(s.printTitles).toEqual({ first: 3, last: 3 });
    }
    const tables = unitSheets.map((s) => s.blocks.find((b): b is TableBlock => b.kind === "table")!);
    expect(tables.map((t) => t.caption)).toEqual(["科室", "医师"]);
    expect(tables[0].columns.map((c) => c.id)).toEqual([
      "rank",
      "unit",
      "cases",
      "totalWeight",
      "cmi",
      "points",
      "amount",
    ]);
    expect(tables[0].rows.map((r) => [r[0], r[1], r[6]])).toEqual([
      [1, "外科", 710.19],
      [2, "内科", 289.81],
    ]);
    expect(tables[0].totalRow).toEqual([
      "合计",
      "",
      22,
      28,
      expect.closeTo(28 / 22, 12),
      expect.closeTo(34.85, 12),
      1000,
    ]);
    expect(tables[1].columns.map((c) => c.id)).toEqual([
      "rank",
      "unit",
      "department",
      "cases",
      "totalWeight",
      "cmi",
      "points",
      "amount",
    ]);
    expect(tables[1].columns[2].header).toBe("科室（病例最多）");
    expect(tables[1].rows[0].slice(0, 4)).toEqual([1, "张医生", "外科", 5]);
    // pool 1,000: 张 430.41 + 李 279.77 + 赵 172.17 + 王 117.65 = 1,000.00
    expect(tables[1].totalRow).toEqual([
      "合计",
      "",
      "",
      22,
      28,
      expect.closeTo(28 / 22, 12),
      expect.closeTo(34.85, 12),
      1000,
    ]);
    expect(unitSheets[1].blocks.some((b) => b.kind === "text" && b.text.includes("多个科室"))).toBe(false);
  });

  it("gives a doctor in several departments the one with most cases, and says so", () => {
    // 王医生's D1 cases (5) move to 外科; two more C1-like cases of 王医生 in 外科 would tip it, but
    // first the tie: 内科 5 (C1) and 外科 5 (D1) -> 内科, first by code (内 U+5185 < 外 U+5916).
    const rows = fiveGroupRows();
    for (const row of rows) if (row[3] === "D1") row[1] = "外科";
    const settings: QuadrantSettings = {
      ...DEFAULT_QUADRANT_SETTINGS,
      weights: { source: "table", table, name: "w" },
      money: { mode: "pool", pool: 1000 },
      unit: "both",
    };
    const tie = computeQuadrantReport(readCaseTable(rows, { columns: reportColumns(settings) }), settings, context);
    const wang = tie.units[1].rows.find((r) => r.unit === "王医生");
    expect(wang?.department).toBe("内科");
    expect(tie.units[1].severalDepartments).toEqual([
      {
        doctor: "王医生",
        departments: [
          { department: "内科", cases: 5 },
          { department: "外科", cases: 5 },
        ],
      },
    ]);
    // one C1 case of 王医生 moves to 外科 too: 外科 6, 内科 4 -> 外科
    const c1 = rows.findIndex((row) => row[3] === "C1");
    rows[c1][1] = "外科";
    const most = computeQuadrantReport(readCaseTable(rows, { columns: reportColumns(settings) }), settings, context);
    expect(most.units[1].rows.find((r) => r.unit === "王医生")?.department).toBe("外科");
    const zh = quadrantWorkbook(most, "zh").sheets[2];
    const note = zh.blocks.find((b) => b.kind === "text" && b.text.startsWith("说明"));
    expect(note).toEqual({
      kind: "text",
      text: "说明：1 名医师的病例分布在多个科室，科室列取其病例最多的科室（病例数相同时按名称顺序）：王医生（外科 6、内科 4）。",
      style: "note",
    });
    const en = quadrantWorkbook(most, "en").sheets[2];
    expect(en.blocks.some((b) => b.kind === "text" && b.text.includes("王医生 (外科 6, 内科 4)"))).toBe(true);
  });

  it("opens the quadrant sheet with a summary: source, period, money and the quadrants", () => {
    const sheet = quadrantWorkbook(report, "zh").sheets[0];
    const kv = sheet.blocks.find((b): b is KeyValueBlock => b.kind === "keyValue") as KeyValueBlock;
    expect(kv.caption).toBe("摘要");
    // pool 1,000 over 34.85 points: 28.6944 a point
    expect(kv.rows).toEqual([
      ["数据来源", "five.csv"],
      ["分析期间", 2024],
      ["奖金池", 1000],
      ["每点金额", expect.closeTo(1000 / 34.85, 12)],
    ]);
    // the year is a number with the year format (2024, not "2024" nor 2,024)
    expect(kv.types).toEqual([undefined, "year", "money", "money"]);
    const at = sheet.blocks.indexOf(kv);
    expect(at).toBeLessThan(sheet.blocks.indexOf(groupTableOf(sheet)));
    const q = sheet.blocks[at + 1] as TableBlock;
    expect(q.columns.map((c) => [c.id, c.type])).toEqual([
      ["quadrant", "text"],
      ["condition", "text"],
      ["coefficient", "number"],
      ["groups", "integer"],
      ["cases", "integer"],
      ["caseShare", "percent"],
      ["totalWeight", "number"],
      ["cmi", "weight"],
      ["points", "number"],
      ["pointShare", "percent"],
    ]);
    // cases 5, 5, 5, 5, 2 of 22: 0.2273 each and 2 / 22 = 0.0909; weight cases x RW: 10, 7.5, 2.5, 2, 6 (28);
    // points 15, 9.75, 2.5, 1.6, 6 of 34.85: 0.4304, 0.2798, 0.0717, 0.0459, 0.1722
    const c = (x: number) => expect.closeTo(x, 12);
    expect(q.rows).toEqual([
      ["战略病种", "RW ≥ 1.2727，贡献率 ≥ 31.82%", 1.5, 1, 5, c(5 / 22), c(10), c(2), c(15), c(15 / 34.85)],
      ["竞争病种", "RW ≥ 1.2727，贡献率 < 31.82%", 1.3, 1, 5, c(5 / 22), c(7.5), c(1.5), c(9.75), c(9.75 / 34.85)],
      ["适宜病种", "RW < 1.2727，贡献率 ≥ 31.82%", 1, 1, 5, c(5 / 22), c(2.5), c(0.5), c(2.5), c(2.5 / 34.85)],
      ["劣势病种", "RW < 1.2727，贡献率 < 31.82%", 0.8, 1, 5, c(5 / 22), c(2), c(0.4), c(1.6), c(1.6 / 34.85)],
      ["未分类", "病例数 < 5", 1, 1, 2, c(2 / 22), c(6), c(3), c(6), c(6 / 34.85)],
    ]);
    // the hospital: 5 groups, 22 cases, weight 28, CMI 28 / 22 = 1.2727, 34.85 points
    expect(q.totalRow).toEqual(["全院", "", "", 5, 22, 1, c(28), c(28 / 22), c(34.85), 1]);
    const en = quadrantWorkbook(build({ money: { mode: "perPoint", moneyPerPoint: 2 } }), "en").sheets[0];
    const enKv = en.blocks.find((b): b is KeyValueBlock => b.kind === "keyValue") as KeyValueBlock;
    expect(enKv.rows).toEqual([
      ["Source", "five.csv"],
      ["Period", 2024],
      ["Money per point", 2],
    ]);
    const enQ = en.blocks[en.blocks.indexOf(enKv) + 1] as TableBlock;
    expect(enQ.rows[3][1]).toBe("RW < 1.2727, rate < 31.82%");
    expect(enQ.totalRow?.[0]).toBe("Hospital");
  });
});
