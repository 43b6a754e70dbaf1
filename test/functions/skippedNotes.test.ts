/**
 * Cases left out because their group has no weight (missing = "exclude") are named in the
 * skipped note of every spill by unit. CMI_COST_INDEX left them, and units with no other case,
 * out without a word.
 */
import { cmi } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";
import { cmiCostIndexFunction } from "../../src/functions/margins";
import { col } from "../helpers/cells";

afterEach(() => setLanguage(undefined));

describe("CMI_COST_INDEX by unit with missing = exclude", () => {
  // rate 10,000; A weighs 2, B 0.5, C has no weight.
  // u1: A 12,000 -> 12,000 / 2 = 6,000 per point, / 10,000 = 0.6 (C 5,000 excluded)
  // u2: only C 7,000 -> no case left, no row
  // u3: B 4,000 -> 4,000 / 0.5 = 8,000 per point, / 10,000 = 0.8
  const args = (): Parameters<typeof cmiCostIndexFunction> => [
    col("A", "C", "C", "B"),
    col(12000, 5000, 7000, 4000),
    [
      ["A", 2],
      ["B", 0.5],
    ],
    10000,
    col("u1", "u1", "u2", "u3"),
    undefined,
    undefined,
    "exclude",
  ];

  it("reports the excluded cases in the note", () => {
    setLanguage("en");
    const out = cmiCostIndexFunction(...args());
    expect(out).toHaveLength(3);
    expect(out[0][0]).toBe("u1");
    expect(out[0][1]).toBeCloseTo(0.6, 12);
    expect(out[0][2]).toBeCloseTo(0.4, 12);
    expect(out[0][3]).toBe(1);
    expect(out[1][0]).toBe("u3");
    expect(out[1][1]).toBeCloseTo(0.8, 12);
    expect(out[1][3]).toBe(1);
    expect(out[2]).toEqual(["(skipped: 2 cases in groups without a weight (C))", "", "", ""]);
  });

  it("in Chinese too", () => {
    setLanguage("zh");
    expect(cmiCostIndexFunction(...args())[2][0]).toBe("（已跳过：2 例所属病组没有权重（C））");
  });

  it("a case without a weight and without a cost is counted once, as without a weight", () => {
    setLanguage("en");
    // the C row of u1 has a blank cost: still 2 cases without a weight, no blank cost counted
    const [g, , t, r, by, res, n, m] = args();
    const out = cmiCostIndexFunction(g, col(12000, "", 7000, 4000), t, r, by, res, n, m);
    expect(out[2][0]).toBe("(skipped: 2 cases in groups without a weight (C))");
  });
});

it("one excluded case is 1 case (it said 1 cases)", () => {
  setLanguage("en");
  // GB11 weighs 2: u1 CMI 2 over 1 case; X has no weight
  const out = cmi(col("GB11", "X"), [["GB11", 2]], col("u1", "u1"), undefined, "exclude");
  expect(out).toEqual([
    ["u1", 2, 1, 2, 1],
    ["(skipped: 1 case in groups without a weight (X))", "", "", "", ""],
  ]);
});
