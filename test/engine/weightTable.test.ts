import { internCodes } from "../../src/engine/codes";
import { CaseMixError } from "../../src/engine/text";
import { caseWeights, weightsForCodes, weightTable } from "../../src/engine/weightTable";

function thrown(f: () => unknown): CaseMixError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CaseMixError);
    return e as CaseMixError;
  }
  throw new Error("expected a CaseMixError");
}

describe("weightTable", () => {
  it("skips a header row, ignores blank code rows and looks codes up normalized", () => {
    const t = weightTable(["DRG编码", "GB11", "", "ES21", "gb13 "], ["权重", 2.1, "", "0.5", 1.4]);
    expect(t.codes).toEqual(["GB11", "ES21", "GB13"]);
    expect(Array.from(t.weights)).toEqual([2.1, 0.5, 1.4]);
    expect(t.weightOf("ｇｂ１１")).toBe(2.1);
    expect(t.weightOf(" gb13")).toBe(1.4);
    expect(t.weightOf("XX99")).toBeNaN();
  });

  it("keeps a listed group without a weight as no weight", () => {
    const t = weightTable(["GB11", "GB13"], [2, null]);
    expect(t.codes).toEqual(["GB11", "GB13"]);
    expect(t.weightOf("GB13")).toBeNaN();
  });

  it("accepts a code listed twice with the same weight, rejects different weights", () => {
    expect(weightTable(["A", "a"], [1, 1]).codes).toEqual(["A"]);
    const e = thrown(() => weightTable(["A", "B", "a"], [1, 2, 3]));
    expect(e.text.en).toBe("weight_table row 3: A is listed twice with different weights (1 and 3)");
    expect(e.text.zh).toBe("weight_table 第 3 行：A 重复出现且权重不同（1 与 3）");
  });

  it("names the row of a bad or negative weight, counting the header row", () => {
    const e1 = thrown(() => weightTable(["code", "A", "B"], ["RW", 1, "heavy"]));
    expect(e1.text.en).toBe('weight_table row 3: "heavy" is not a number');
    const e2 = thrown(() => weightTable(["A", "B"], [1, -0.5]));
    expect(e2.text.en).toBe("weight_table row 2: weight -0.5 of B is negative");
    expect(e2.text.zh).toBe("weight_table 第 2 行：B 的权重 -0.5 为负数");
    // a benchmark table holds mean costs or days: its messages say "value"
    const e3 = thrown(() => weightTable(["A", "B", "A"], [1, -0.5, 2], { argName: "benchmark_table" }));
    expect(e3.text.en).toBe("benchmark_table row 2: value -0.5 of B is negative");
    expect(e3.text.zh).toBe("benchmark_table 第 2 行：B 的数值 -0.5 为负数");
    const e4 = thrown(() => weightTable(["A", "A"], [1, 2], { argName: "benchmark_table" }));
    expect(e4.text.en).toBe("benchmark_table row 2: A is listed twice with different values (1 and 2)");
  });

  it("weightsForCodes gives NaN for codes the table does not weigh", () => {
    const t = weightTable(["A", "B"], [1, 2]);
    const w = weightsForCodes(["B", "C", "A"], t);
    expect(w[0]).toBe(2);
    expect(w[1]).toBeNaN();
    expect(w[2]).toBe(1);
  });
});

describe("caseWeights", () => {
  const table = weightTable(["GB11", "ES21"], [2, 0.5]);

  it("names the first missing code in row order and the cases it affects", () => {
    // rows: GB11, FR23, XX11, FR23, ES21: FR23 is the first missing code, with 2 cases; XX11 has 1
    const groups = internCodes(["GB11", "FR23", "XX11", "FR23", "ES21"]);
    const e = thrown(() => caseWeights(groups, table));
    expect(e.kind).toBe("na");
    expect(e.text.en).toBe(
      'FR23 has no weight in weight_table (2 cases); 1 more group without a weight, 3 cases in all; add the weights or set missing to "exclude"',
    );
    expect(e.text.zh).toBe(
      'FR23 在 weight_table 中没有权重（2 例）；另有 1 个病组没有权重，共 3 例；请补充权重，或将 missing 设为 "exclude"',
    );
  });

  it("counts cases with counts, and a single case in the singular", () => {
    const groups = internCodes(["XX11", "GB11"]);
    expect(thrown(() => caseWeights(groups, table)).text.en).toBe(
      'XX11 has no weight in weight_table (1 case); add the weights or set missing to "exclude"',
    );
    const counted = thrown(() => caseWeights(groups, table, { counts: Float64Array.of(40, 3) }));
    expect(counted.text.en).toMatch(/^XX11 has no weight in weight_table \(40 cases\)/);
  });

  it("ignores rows of a missing group with a zero or blank count", () => {
    const groups = internCodes(["XX11", "GB11"]);
    const r = caseWeights(groups, table, { counts: Float64Array.of(0, 3) });
    expect(r.missingCases).toBe(0);
    expect(r.missingCodes).toEqual([]);
  });

  it("with missing = exclude, reports the missing cases and codes instead", () => {
    const groups = internCodes(["GB11", "FR23", "XX11", "FR23", null]);
    const r = caseWeights(groups, table, { missing: "exclude" });
    expect(r.missingCases).toBe(3);
    expect(r.missingCodes).toEqual(["FR23", "XX11"]);
    expect(r.weightById[0]).toBe(2);
    expect(r.weightById[1]).toBeNaN();
  });
});
