/**
 * Sums beyond a double (about 1.8e308): #NUM! with a message naming the argument, never a
 * weight of 0, a #DIV/0! that blames a division, or a finite ratio of two infinities.
 * (Excel shows a custom message only with #VALUE! and #N/A; the message is kept for the
 * command line, the taskpane and these tests.)
 */
import { cmi } from "../../src/functions/caseMix";
import { costIndex } from "../../src/functions/efficiency";
import { setLanguage } from "../../src/functions/excel";
import { weightNeutrality } from "../../src/functions/audit";
import { cmiCostIndexFunction, marginContrib } from "../../src/functions/margins";
import { pointValue } from "../../src/functions/payment";
import { cmiDecompose } from "../../src/functions/trends";
import { drgWeight } from "../../src/functions/weights";
import { col, thrown } from "../helpers/cells";

const HUGE = col(1e308, 1e308);
const TWO = col("GB11", "GB11");

beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

describe("a column whose numbers add up to more than a double holds", () => {
  it("DRG_WEIGHT: #NUM! naming costs (it gave a weight of 0 for every group)", () => {
    const e = thrown(() => drgWeight(col("GB11", "GB13"), HUGE, undefined, "none"));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe(
      "costs: the numbers add up to more than 1.8e308, the largest number Excel holds; sums and means over them cannot be computed",
    );
    setLanguage("zh");
    try {
      expect(thrown(() => drgWeight(col("GB11", "GB13"), HUGE, undefined, "none")).message).toBe(
        "costs：这些数之和超过 1.8e308（Excel 能表示的最大数），无法求和或求平均",
      );
    } finally {
      setLanguage("en");
    }
  });

  it("DRG_WEIGHT just below the limit still computes", () => {
    // 4e307 + 8e307 = 1.2e308 fits: all-case mean 6e307, RW GB11 = 4 / 6, RW GB13 = 8 / 6
    const out = drgWeight(col("GB11", "GB13"), col(4e307, 8e307), undefined, "none");
    expect(out[0][0]).toBe("GB11");
    expect(out[0][1]).toBeCloseTo(2 / 3, 12);
    expect(out[1][1]).toBeCloseTo(4 / 3, 12);
  });

  it("counts, costs and revenue of other functions: #NUM! naming the argument", () => {
    expect(thrown(() => cmi(TWO, [["GB11", 1]], col("A", "A"), HUGE))).toMatchObject({
      code: "#NUM!",
      message: expect.stringMatching(/^counts: the numbers add up to more than 1\.8e308/),
    });
    expect(thrown(() => costIndex(TWO, HUGE, undefined, [["GB11", 5]])).message).toMatch(/^costs: /);
    expect(thrown(() => marginContrib(HUGE, col(0, 0), col("A", "A"))).message).toMatch(/^revenue: /);
    expect(thrown(() => cmiCostIndexFunction(TWO, HUGE, [["GB11", 1]], 1, col("A", "A"))).code).toBe("#NUM!");
    expect(thrown(() => pointValue(1, col(1e308, 1e308))).message).toMatch(/^total_points: /);
  });
});

describe("weights times cases beyond a double", () => {
  it("CMI: #NUM! naming the weight table (the CMI cell was #DIV/0!)", () => {
    // 2 cases x 1e308 = 2e308 > 1.8e308
    const e = thrown(() => cmi(TWO, [["GB11", 1e308]], col("A", "A")));
    expect(e).toEqual({
      code: "#NUM!",
      message:
        "weight_table: the weights times the case counts add up to more than 1.8e308, the largest number Excel holds",
    });
  });

  it("CMI_DECOMPOSE: #NUM! (mix and severity were #DIV/0!)", () => {
    expect(thrown(() => cmiDecompose(TWO, col("GB11"), [["GB11", 1e308]], "adrg")).code).toBe("#NUM!");
  });
});

describe("ratios of totals beyond a double", () => {
  it("WEIGHT_NEUTRALITY: the totals and both ratios are #NUM! (it showed #DIV/0! and a change of -1)", () => {
    // before = 1e308 + 1e308 = Infinity, after = 1 + 1 = 2
    expect(weightNeutrality(col("A", "B"), HUGE, col(1, 1))).toEqual([
      [{ code: "#NUM!" }, 2, { code: "#NUM!" }, { code: "#NUM!" }],
    ]);
  });

  it("POINT_VALUE: a fund too large for its points is #NUM!, no points at all #DIV/0!", () => {
    // 1,000 / (200 + 300) = 2 per point
    expect(pointValue(1000, col(200, 300))).toEqual([[2]]);
    expect(pointValue(1e308, col(1e-300))).toEqual([[{ code: "#NUM!" }]]);
    expect(pointValue(1000, col(0))).toEqual([[{ code: "#DIV/0!" }]]);
  });
});
