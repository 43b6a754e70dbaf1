/**
 * The quadrant report with revenue from the expected DRG payment (--revenue payment), on a
 * hand-computed three-group data set where the switch moves a group to another quadrant.
 *
 *   group RW  cases: total cost (insurance + self-pay = the cost; drug + material)
 *   A     2   10,000 (8,000 + 2,000; 4,000 + 2,000), 30,000 (24,000 + 6,000; 12,000 + 6,000)
 *   B     1   2,000, 4,000, 6,000, 3,000, 35,000 (insurance 80%, self-pay 20%; drug 10%, material 10%)
 *   C     0.5 3,000, 3,000 (2,400 + 600; 500 + 500)
 *
 * Payment at rate 5,000 (point value 1, coefficient 1), default rules:
 *   A: 200 base points (band 100-200, high at 2 x mean); mean 20,000; ratios 0.5, 1.5: both
 *      normal, 2 x 10,000 = 20,000
 *   B: 100 base points (high at 3 x mean); mean 50,000 / 5 = 10,000; ratios 0.2 low (20 points),
 *      0.4 low (40), 0.6 normal (100), 0.3 low (30), 3.5 high (100 + 0.5 x 100 = 150):
 *      340 points = 3.4 x 5,000 = 17,000
 *   C: 50 base points; mean 3,000; both normal: 2 x 2,500 = 5,000
 *
 *          settlement: revenue  cost    contribution rate | payment: revenue contribution rate
 *   A                  40,000   24,000  16,000       0.4  |          20,000  -4,000      -0.2
 *   B                  50,000   10,000  40,000       0.8  |          17,000   7,000      7/17
 *   C                   6,000    2,000   4,000       2/3  |           5,000   3,000      0.6
 *
 * With the x cut at RW 1 and the y cut at 0: A moves from strategic to competitive.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../../src/cli/main";
import { readCaseTable } from "../../../src/engine/caseTable";
import { CaseMixError } from "../../../src/engine/text";
import { weightTable } from "../../../src/engine/weightTable";
import { parseReportArgs } from "../../../src/cli/commands/report";
import { KeyValueBlock, TableBlock } from "../../../src/report/model";
import { computeQuadrantReport } from "../../../src/report/quadrant/compute";
import { quadrantJson } from "../../../src/report/quadrant/json";
import {
  DEFAULT_QUADRANT_SETTINGS,
  QuadrantSettings,
  reportColumns,
  requiredColumns,
} from "../../../src/report/quadrant/settings";
import { quadrantWorkbook } from "../../../src/report/quadrant/sheets";

const HEADERS = ["病案号", "出院科室", "DRG编码", "住院总费用", "医保统筹支付", "个人自付", "药品费", "耗材费"];
const CASES: [string, number, number, number, number, number][] = [
  // group, cost, insurance, self-pay, drug, material
  ["A", 10000, 8000, 2000, 4000, 2000],
  ["A", 30000, 24000, 6000, 12000, 6000],
  ...[2000, 4000, 6000, 3000, 35000].map((c): [string, number, number, number, number, number] => [
    "B",
    c,
    0.8 * c,
    0.2 * c,
    0.1 * c,
    0.1 * c,
  ]),
  ["C", 3000, 2400, 600, 500, 500],
  ["C", 3000, 2400, 600, 500, 500],
];
const rows = () => [HEADERS, ...CASES.map((c, i) => [`${i + 1}`, "内科", ...c])];
const weights = weightTable(["A", "B", "C"], [2, 1, 0.5]);
const context = { source: "three.csv", version: "9.9.9", time: new Date("2024-05-01T08:00:00Z"), utcOffset: 480 };

function build(overrides: Partial<QuadrantSettings> = {}, data = rows()) {
  const settings: QuadrantSettings = {
    ...DEFAULT_QUADRANT_SETTINGS,
    weights: { source: "table", table: weights, name: "weights.csv" },
    xCut: 1,
    yCut: 0,
    minCases: 1,
    ...overrides,
  };
  const table = readCaseTable(data, { columns: reportColumns(settings), required: requiredColumns(settings) });
  return computeQuadrantReport(table, settings, context);
}

const PAYMENT = { revenue: "payment" as const, payment: { rate: 5000, pointValue: 1, coefficient: 1 } };

describe("quadrant revenue: settlement against expected DRG payment", () => {
  const settlement = build();
  const payment = build(PAYMENT);
  const pick = (r: typeof settlement) => r.groups.map((g) => [g.group, g.revenue, g.cost, g.contribution, g.quadrant]);

  it("takes revenue from the settlement columns by default", () => {
    expect(settlement.settings.revenue).toBe("settlement");
    expect(pick(settlement)).toEqual([
      ["A", 40000, 24000, 16000, "strategic"],
      ["B", 50000, 10000, 40000, "strategic"],
      ["C", 6000, 2000, 4000, "suitable"],
    ]);
  });

  it("takes each case's expected payment with revenue payment: A moves to competitive", () => {
    // sorted by quadrant: strategic B, competitive A, suitable C
    expect(pick(payment)).toEqual([
      ["B", 17000, 10000, 7000, "strategic"],
      ["A", 20000, 24000, -4000, "competitive"],
      ["C", 5000, 2000, 3000, "suitable"],
    ]);
    expect(payment.groups.map((g) => g.rate)).toEqual([expect.closeTo(7 / 17, 12), -0.2, 0.6]);
    expect(payment.quadrantCounts).toMatchObject({ strategic: 1, competitive: 1, suitable: 1 });
    // the hospital: 42,000 - 36,000 = 6,000, rate 1/7
    expect(payment.hospital).toMatchObject({ revenue: 42000, cost: 36000, contribution: 6000 });
    expect(payment.hospital.rate).toBeCloseTo(1 / 7, 12);
  });

  it("applies the point value and the coefficient: point value 2 pays A 40,000 (strategic again)", () => {
    const r = build({ revenue: "payment", payment: { rate: 5000, pointValue: 2, coefficient: 1 } });
    expect(pick(r)[0]).toEqual(["A", 40000, 24000, 16000, "strategic"]);
    // coefficient 0.5 at rate 10,000 is the same money as rate 5,000
    expect(pick(build({ revenue: "payment", payment: { rate: 10000, pointValue: 1, coefficient: 0.5 } }))).toEqual(
      pick(payment),
    );
  });

  it("needs the total cost, not the settlement columns, and a rate", () => {
    const cols = requiredColumns({ ...DEFAULT_QUADRANT_SETTINGS, ...PAYMENT });
    expect(cols).toContain("totalCost");
    expect(cols).not.toContain("insurancePaid");
    // no settlement columns at all: the payment report still builds
    const bare = rows().map((r) => r.filter((_, j) => j !== 4 && j !== 5));
    expect(pick(build(PAYMENT, bare))).toEqual(pick(payment));
    expect(() => build({ revenue: "payment" })).toThrow(/rate/);
    // a case without a total cost is named by its row (the header is row 1: B's 35,000 is row 8)
    const blank = rows();
    blank[7][3] = "";
    expect(() => build(PAYMENT, blank)).toThrow(/住院总费用 row 8 is blank/);
  });

  it("counts aggregate rows by their cases: group means weighted by the counts", () => {
    // A as two rows with counts 1 and 3 (per-case costs 10,000 and 30,000): mean (10,000 + 90,000) / 4 =
    // 25,000; ratios 0.4 (low: 200 x 0.4 = 80 points, 4,000) and 1.2 (normal, 10,000 each): 4,000 + 30,000
    const data = [
      [...HEADERS, "病例数"],
      ["1", "内科", ...CASES[0], 1],
      ["2", "内科", ...CASES[1], 3],
    ];
    const r = build({ ...PAYMENT, weights: { source: "table", table: weights, name: "w" } }, data);
    expect(r.groups[0]).toMatchObject({ group: "A", cases: 4, revenue: 34000 });
  });

  it("records the choice: JSON parameters, parameters sheet, summary and the revenue column", () => {
    expect(quadrantJson(payment).parameters.revenue).toEqual({
      source: "payment",
      rate: 5000,
      pointValue: 1,
      coefficient: 1,
    });
    expect(quadrantJson(settlement).parameters.revenue).toEqual({ source: "settlement" });
    const zh = quadrantWorkbook(payment, "zh");
    const summary = zh.sheets[0].blocks.find((b): b is KeyValueBlock => b.kind === "keyValue") as KeyValueBlock;
    expect(summary.rows[1]).toEqual(["收入口径", "预期DRG支付（费率 5,000，点值 1，机构系数 1）"]);
    expect(summary.types?.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    // the default (settlement) keeps the summary as it was: no revenue row
    const plain = quadrantWorkbook(settlement, "zh").sheets[0].blocks.find(
      (b): b is KeyValueBlock => b.kind === "keyValue",
    );
    expect(plain?.rows.map((r) => r[0])).not.toContain("收入口径");
    const groupsTable = zh.sheets[0].blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.columns[0].id === "group",
    ) as TableBlock;
    expect(groupsTable.columns.find((c) => c.id === "revenue")?.header).toBe("预期支付");
    const params = new Map(zh.sheets[2].blocks.flatMap((b) => (b.kind === "keyValue" ? b.rows : [])));
    expect(params.get("收入口径")).toBe("预期DRG支付（费率 5,000，点值 1，机构系数 1）");
    expect(params.get("收入口径：费率")).toBe(5000);
    const en = quadrantWorkbook(payment, "en");
    const enSummary = en.sheets[0].blocks.find((b): b is KeyValueBlock => b.kind === "keyValue") as KeyValueBlock;
    expect(enSummary.rows[1]).toEqual(["Revenue", "expected DRG payment (rate 5,000, point value 1, coefficient 1)"]);
  });
});

describe("casemix report --revenue", () => {
  it("parses --revenue payment with --rate, --point-value and --coefficient", () => {
    const o = parseReportArgs(["x.csv", "--revenue", "payment", "--rate", "5,000", "--coefficient", "1.05"], "en");
    expect([o.revenue, o.payment]).toEqual(["payment", { rate: 5000, pointValue: 1, coefficient: 1.05 }]);
    expect(parseReportArgs(["x.csv"], "en")).toMatchObject({ revenue: "settlement", payment: undefined });
  });

  it("names --rate when it is missing, in both languages, and rejects stray payment options", () => {
    expect(() => parseReportArgs(["x.csv", "--revenue", "payment"], "en")).toThrow(/--revenue payment needs --rate/);
    const zh = (() => {
      try {
        parseReportArgs(["x.csv", "--revenue", "payment"], "zh");
      } catch (e) {
        return (e as CaseMixError).messageIn("zh");
      }
      return "no error";
    })();
    expect(zh).toBe("--revenue payment 需要 --rate（每权重点金额），例如 --rate 5000");
    expect(() => parseReportArgs(["x.csv", "--revenue", "payment", "--rate", "0"], "en")).toThrow(
      /--rate: "0" is not a number above 0/,
    );
    expect(() => parseReportArgs(["x.csv", "--rate", "5000"], "en")).toThrow(/go with --revenue payment/);
    expect(() => parseReportArgs(["x.csv", "--revenue", "charges"], "en")).toThrow(
      /--revenue: "charges" is not one of settlement, payment/,
    );
  });
});

describe("casemix report --revenue payment from the command line", () => {
  const csv = rows()
    .map((r) => r.join(","))
    .join("\n");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "casemix-revenue-"));
  const input = path.join(dir, "three.csv");
  const weightFile = path.join(dir, "weights.csv");
  fs.writeFileSync(input, csv + "\n");
  fs.writeFileSync(weightFile, "drg_code,weight\nA,2\nB,1\nC,0.5\n");
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function run(argv: string[]) {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it("prints the payment revenue in --json and names it after a written report", async () => {
    const args = ["report", input, "--weights", weightFile, "--x-cut", "1", "--y-cut", "0", "--min-cases", "1"];
    const r = await run([...args, "--revenue", "payment", "--rate", "5000", "--json", "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const json = JSON.parse(r.stdout);
    expect(json.groups.map((g: any) => [g.group, g.revenue, g.quadrant])).toEqual([
      ["B", 17000, "strategic"],
      ["A", 20000, "competitive"],
      ["C", 5000, "suitable"],
    ]);
    const out = path.join(dir, "pay.xlsx");
    const w = await run([...args, "--revenue", "payment", "--rate", "5000", "--out", out, "--lang", "zh"]);
    expect(w.code).toBe(0);
    expect(w.stderr).toContain("收入口径：预期DRG支付（费率 5,000，点值 1，机构系数 1）");
  });

  it("exits 2 naming --rate when it is missing", async () => {
    const r = await run(["report", input, "--revenue", "payment", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--revenue payment needs --rate");
  });
});
