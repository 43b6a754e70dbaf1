/**
 * An Excel error value in a column of codes or keys (a #N/A left by a failed VLOOKUP, as an
 * error object or as the text "#N/A") is refused with #VALUE! naming the argument and the row,
 * by every function, as CMI, DRG_PAYMENT and MARGIN_CONTRIB already did. Before, the other
 * functions took it as a group or a unit labelled "#N/A" or "[object Object]".
 */
import { weightAudit, weightNeutrality, weightRescale } from "../../src/functions/audit";
import { cmi } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";
import { drgPayment } from "../../src/functions/payment";
import { lowRiskMortality, riskLevel } from "../../src/functions/quality";
import { cmiDecompose } from "../../src/functions/trends";
import { col, thrown } from "../helpers/cells";

beforeAll(() => setLanguage("en"));
afterAll(() => setLanguage(undefined));

// The two ways Excel hands an error value over: an error object, or its text.
describe.each([
  ["an error object", { code: "#N/A" }],
  ["error text", "#N/A"],
])("%s in a code or key column is #VALUE! naming the argument and the row", (_kind, E) => {
  const refused = (fn: () => unknown, where: string) =>
    expect(thrown(fn)).toEqual({ code: "#VALUE!", message: `${where}: "#N/A" is an error value` });

  it("CMI_DECOMPOSE (it reported the error as a group without a weight)", () => {
    refused(() => cmiDecompose(col("GB11", E), col("GB11", "GB11"), [["GB11", 1]], "adrg"), "groups_before row 2");
    refused(
      () =>
        cmiDecompose(
          [
            ["GB11", "A"],
            ["GB11", E],
          ],
          [["GB11", "A"]],
          [["GB11", 1]],
          "unit",
        ),
      "groups_before (unit) row 2",
    );
  });

  it("WEIGHT_AUDIT, WEIGHT_NEUTRALITY, WEIGHT_RESCALE (groups, names, volume)", () => {
    refused(() => weightAudit(col("GB11", E), col(1, 2)), "groups row 2");
    refused(() => weightAudit(col("GB11", "GB13"), col(1, 2), undefined, undefined, col("x", E)), "names row 2");
    refused(() => weightNeutrality(col("GB11", "GB13"), col(1, 2), col(1, 2), col("GB11", E)), "volume row 2");
    refused(
      () =>
        weightNeutrality(col("GB11", "GB13"), col(1, 2), col(1, 2), [
          ["GB11", 3],
          [E, 4],
        ]),
      "volume row 2",
    );
    refused(() => weightRescale(col("DRG", "GB11", E), col("RW", 1, 2), col("RW", 1, 2)), "groups row 3");
  });

  it("RISK_LEVEL (groups and lookup) and LOW_RISK_MORTALITY (groups and by)", () => {
    refused(() => riskLevel(col("GB11", E, "GB11"), col(1, 0, 0)), "groups row 2");
    refused(() => riskLevel(col("GB11", "GB11"), col(1, 0), col("GB11", E)), "lookup row 2");
    refused(() => lowRiskMortality(col("GB11", "GB11"), col(1, 0), col("A", E)), "by row 2");
    refused(
      () => lowRiskMortality(col("GB11"), col(1), undefined, col("GB11", E), col(1, 0)),
      "benchmark_groups row 2",
    );
  });

  it("weight tables of every function (row numbers count the header row)", () => {
    refused(
      () =>
        cmi(col("GB11"), [
          ["GB11", 1],
          [E, 2],
        ]),
      "weight_table row 2",
    );
    refused(
      () =>
        drgPayment(
          col("GB11"),
          col(100),
          [
            ["DRG", "RW"],
            ["GB11", 1],
            [E, 2],
          ],
          100,
        ),
      "weight_table row 3",
    );
  });
});

it("the message is in Chinese too", () => {
  setLanguage("zh");
  try {
    expect(thrown(() => riskLevel(col("GB11", { code: "#N/A" }), col(1, 0)))).toEqual({
      code: "#VALUE!",
      message: 'groups 第 2 行："#N/A" 是错误值',
    });
  } finally {
    setLanguage("en");
  }
});

it("text that merely contains # is a code, not an error value", () => {
  // GB#1 is no error code: one group of 2 cases of weight 1.5, CMI 1.5
  expect(cmi(col("GB#1", "GB#1"), [["GB#1", 1.5]])).toEqual([[1.5]]);
});
