import { readCaseTable } from "../../src/engine/caseTable";
import { weightTable } from "../../src/engine/weightTable";
import { skipCounter } from "../../src/report/common";
import { reportWeights } from "../../src/report/reportWeights";

// Costs: A1 100, 100; B1 400; C1 blank. Untrimmed means: all cases (100 + 100 + 400) / 3 = 200,
// A1 100 / 200 = 0.5, B1 400 / 200 = 2; the blank cost is left out and counted.
const rows = [
  ["DRG编码", "住院总费用"],
  ["A1", 100],
  ["A1", 100],
  ["B1", 400],
  ["C1", ""],
];

describe("reportWeights", () => {
  const table = readCaseTable(rows, { columns: ["drg", "totalCost"], required: ["drg", "totalCost"] });

  it("computes data weights and records how", () => {
    const r = reportWeights(table, { source: "data", trim: { method: "none" } }, 1);
    expect(r.weights.weightOf("a1")).toBeCloseTo(0.5, 12);
    expect(r.weights.weightOf("B1")).toBeCloseTo(2, 12);
    expect(r.weights.weightOf("C1")).toBeNaN();
    expect(r.missingCost).toBe(1);
    expect(r.info).toMatchObject({ source: "data", trim: { method: "none" }, minCases: 1, missingCodes: [] });
    expect(r.info.allCaseMean).toBeCloseTo(200, 12);
  });

  it("takes the trimming minimum from the source before the report's", () => {
    const r = reportWeights(table, { source: "data", trim: { method: "none" }, minCases: 3 }, 1);
    expect(r.info.minCases).toBe(3);
  });

  it("passes a weight table through with its name", () => {
    const given = weightTable(["A1"], [1.5]);
    const r = reportWeights(table, { source: "table", table: given, name: "w.csv" }, 5);
    expect(r.weights).toBe(given);
    expect(r.info).toEqual({ source: "table", tableName: "w.csv", missingCodes: [] });
    expect(r.missingCost).toBe(0);
  });
});

describe("skipCounter", () => {
  it("adds rows per reason and records no reason without rows", () => {
    const skipped: Partial<Record<"a" | "b", number>> = {};
    const bump = skipCounter(skipped);
    bump("a");
    bump("a", 2);
    bump("b", 0);
    expect(skipped).toEqual({ a: 3 });
  });
});
