/**
 * Option words are looked up among the known words only, never among what every JavaScript
 * object inherits (constructor, toString, __proto__...). Before, CURVE_FIT(x, y, "constructor")
 * crashed with an internal TypeError and DRG_PAYMENT took the rule "constructor=1" as known.
 */
import { lookupWord } from "../../src/engine/lookup";
import { parseTrimMethod } from "../../src/engine/trimming";
import { setLanguage } from "../../src/functions/excel";
import { drgPayment } from "../../src/functions/payment";
import { curveFit, expectedCost } from "../../src/functions/trends";
import { col, thrown } from "../helpers/cells";

beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

const INHERITED = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

describe.each(INHERITED)("the word %s", (word) => {
  it("is no CURVE_FIT or EXPECTED_COST model", () => {
    const models = "linear, logarithmic, inverse, quadratic, cubic, compound, power, S, growth, exponential";
    const e = { code: "#VALUE!", message: `model: "${word}" is not one of ${models}` };
    expect(thrown(() => curveFit(col(1, 2, 3), col(2, 4, 6), word))).toEqual(e);
    expect(thrown(() => expectedCost(col(1), col(1, 2, 3), col(2, 4, 6), word))).toEqual(e);
  });

  it("is no DRG_PAYMENT rule", () => {
    const e = thrown(() => drgPayment(col("GB11"), col(100), [["GB11", 1]], 100, 1, 1, `${word}=1` as never));
    expect(e).toEqual({
      code: "#VALUE!",
      message: `rules: unknown rule "${word}"; use points, bands, high, low or base`,
    });
  });

  it("is no trimming method", () => {
    expect(() => parseTrimMethod(word)).toThrow(`trim: "${word}" is not one of`);
  });

  it("is not found by lookupWord", () => {
    expect(lookupWord({ log: "logsd" }, word)).toBeUndefined();
  });
});

it("known words are still found", () => {
  expect(lookupWord({ log: "logsd" }, "log")).toBe("logsd");
  // y = 2x exactly: linear b0 = 0, b1 = 2
  const [b] = curveFit(col(1, 2, 3), col(2, 4, 6), "lin");
  expect(b[0]).toBeCloseTo(0, 12);
  expect(b[1]).toBeCloseTo(2, 12);
  expect(parseTrimMethod("对数")).toBe("logsd");
});
