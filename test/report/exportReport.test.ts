/**
 * The quadrant report on a front-page export with no mapping given: revenue, variable cost and
 * margin per group, the standardized five-category weight (DOMAIN's formula on the mapped
 * columns), the mapping on the parameters sheet, and a record whose categories miss its total
 * counted there, not dropped.
 */
import { readCaseTable } from "../../src/engine/caseTable";
import { computeQuadrantReport } from "../../src/report/quadrant/compute";
import { DEFAULT_QUADRANT_SETTINGS, QuadrantSettings, reportColumns, requiredColumns } from "../../src/report/quadrant/settings";
import { quadrantWorkbook } from "../../src/report/quadrant/sheets";
import { FRONT_PAGE_HEADERS, FRONT_PAGE_ROW } from "../helpers/exportHeaders";

const context = { source: "front-page.csv", version: "9.9.9", time: new Date("2024-05-01T08:00:00Z"), utcOffset: 480 };

// FM19: every amount of the GB11 row halved, except 护理费 (column 6) kept at 400, so its
// categories are medical 2000, nursing 400, tech 800, drugs 1750, admin 250: total 5200.
const fm19 = FRONT_PAGE_ROW.map((v, i) => (i === 0 ? "FM19" : i === 6 ? 400 : typeof v === "number" ? v / 2 : v));
fm19[2] = 5200;
// A second GB11 case whose 总费用 is 500 more than its categories: flagged, still counted.
const gb11Off = FRONT_PAGE_ROW.map((v, i) => (i === 2 ? 10500 : v));

function build(weights: QuadrantSettings["weights"]) {
  const settings: QuadrantSettings = { ...DEFAULT_QUADRANT_SETTINGS, weights, minCases: 1 };
  const rows = [FRONT_PAGE_HEADERS, FRONT_PAGE_ROW, gb11Off, fm19];
  const table = readCaseTable(rows, { columns: reportColumns(settings), required: requiredColumns(settings) });
  return computeQuadrantReport(table, settings, context);
}

describe("casemix report on a front-page export, no --map", () => {
  const report = build({ source: "standardized" });
  const group = (code: string) => report.groups.find((g) => g.group === code)!;

  it("revenue, variable cost and margin per group as computed by hand", () => {
    // GB11, 2 cases: revenue 2 x (7000 + 2000), cost 2 x (drugs 3000 + materials 1000)
    expect(group("GB11")).toMatchObject({ cases: 2, revenue: 18000, cost: 8000, contribution: 10000 });
    expect(group("GB11").rate).toBeCloseTo(10000 / 18000, 12);
    // FM19: revenue 3500 + 1000 = 4500, cost 1500 + 500 = 2000
    expect(group("FM19")).toMatchObject({ cases: 1, revenue: 4500, cost: 2000, contribution: 2500 });
  });

  it("standardized weights equal DOMAIN's formula on the mapped columns", () => {
    // all-case means over 3 cases (GB11 twice): medical (4000+4000+2000)/3 = 10000/3,
    // nursing 400, tech 4000/3, drugs 8750/3, admin 1250/3.
    // GB11: 0.2 x (4000/(10000/3) + 1 + 1600/(4000/3) + 3500/(8750/3) + 500/(1250/3))
    //     = 0.2 x (1.2 + 1 + 1.2 + 1.2 + 1.2) = 1.16
    // FM19: 0.2 x (0.6 + 1 + 0.6 + 0.6 + 0.6) = 0.68; case-weighted mean (2 x 1.16 + 0.68) / 3 = 1
    expect(group("GB11").rw).toBeCloseTo(1.16, 12);
    expect(group("FM19").rw).toBeCloseTo(0.68, 12);
    expect(report.weights).toMatchObject({ source: "standardized", shares: [0.2, 0.2, 0.2, 0.2, 0.2] });
    // shares 0.4, 0.1, 0.1, 0.3, 0.1: GB11 = 0.9 x 1.2 + 0.1 x 1 = 1.18
    const tilted = build({ source: "standardized", shares: [0.4, 0.1, 0.1, 0.3, 0.1] });
    expect(tilted.groups.find((g) => g.group === "GB11")!.rw).toBeCloseTo(1.18, 12);
  });

  it("the parameters sheet says where each number came from and counts the record off its total", () => {
    const sheet = quadrantWorkbook(report, "en").sheets[2];
    const pairs = new Map(sheet.blocks.flatMap((b) => (b.kind === "keyValue" ? b.rows : [])));
    expect(pairs.get("Drug cost (drugCost)")).toBe("(13)西药费 + 中药类-中成药费 + 中药类-中草药费(元)");
    expect(pairs.get("Self-pay (selfPay)")).toBe("其中：自付金额");
    expect(pairs.get("Nursing (catNursing)")).toBe("综合医疗服务类_护理费");
    expect(pairs.get("Rows whose five categories miss the total (kept)")).toBe("1 (e.g. rows 3)");
    expect(String(pairs.get("Weights"))).toContain("standardized five-category weight");
    expect(report.rowsUsed).toBe(3);
  });
});
