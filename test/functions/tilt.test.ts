import { setLanguage } from "../../src/functions/excel";
import { weightTiltFunction } from "../../src/functions/tilt";
import { thrown } from "../helpers/cells";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
afterEach(() => setLanguage(undefined));

describe("WEIGHT_TILT", () => {
  const groups = col("DRG", "FR11", "GB11", "ES21");
  const weights = col("RW", 2.5, 1, 0.5);

  test("a rule: rw>=2 x 1.1, rw<0.8 x 0.9, rescaled over each group once", () => {
    setLanguage("en");
    // tilted 2.75, 1, 0.45 (total 4.2); before 4; f = 4 / 4.2 = 0.952381
    const out = weightTiltFunction(groups, weights, [["rw>=2: 1.1; rw<0.8: 0.9"]]);
    expect(out[0]).toEqual(["tilted weight"]);
    expect(out[1][0]).toBeCloseTo(2.75 * (4 / 4.2), 12);
    expect(out[2][0]).toBeCloseTo(4 / 4.2, 12);
    expect(out[3][0]).toBeCloseTo(0.45 * (4 / 4.2), 12);
  });

  test("a column of factors over a volume (group, cases)", () => {
    // cases FR11 10, GB11 20, ES21 40: before 25 + 20 + 20 = 65; FR11 x 1.2: tilted 30 + 20 + 20 = 70; f = 65 / 70
    const volume = [
      ["group", "cases"],
      ["FR11", 10],
      ["GB11", 20],
      ["ES21", 40],
    ];
    const out = weightTiltFunction(groups, weights, col("factor", 1.2, "", 1), volume);
    expect(out[1][0]).toBeCloseTo(3 * (65 / 70), 12);
    expect(out[2][0]).toBeCloseTo(65 / 70, 12);
  });

  test("factor 1 changes nothing; a malformed clause is named", () => {
    expect(weightTiltFunction(groups, weights, [[1]]).slice(1)).toEqual([[2.5], [1], [0.5]]);
    expect(thrown(() => weightTiltFunction(groups, weights, [["rw>=2 1.1"]])).message).toBe(
      'factors_or_rule: clause "rw>=2 1.1" has no ":" before its factor (e.g. "rw>=2: 1.1")',
    );
  });
});
