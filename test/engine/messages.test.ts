/**
 * Numbers in English messages: "1 case", not "1 cases"; a blank weight is "blank", not "NaN".
 */
import { auditWeights } from "../../src/engine/weightAudit/audit";
import { noFindingsRow } from "../../src/words/auditFindings";
import { countOf } from "../../src/engine/text";
import { readDiedColumns } from "../../src/engine/mortalityRisk";
import { weightTable } from "../../src/engine/weightTable";

it("countOf picks the singular for exactly 1", () => {
  expect(countOf(1, "case")).toBe("1 case");
  expect(countOf(0, "case")).toBe("0 cases");
  expect(countOf(2, "family", "families")).toBe("2 families");
});

it("a code listed twice, once without a weight, says blank (it said NaN)", () => {
  expect(() => weightTable(["GB11", "GB11"], ["", 1])).toThrow(
    "weight_table row 2: GB11 is listed twice with different weights (blank and 1)",
  );
  expect(() => weightTable(["GB11", "GB11"], ["", 1])).toThrow(
    expect.objectContaining({
      text: expect.objectContaining({ zh: "weight_table 第 2 行：GB11 重复出现且权重不同（空白 与 1）" }),
    }),
  );
});

it("the audit's row for no findings: 1 group, 1 family", () => {
  // GB11 (MCC) weighs more than GB13 (CC): the order is respected, one ADRG family GB1
  const r = auditWeights({ base: { codes: ["GB11", "GB13"], weights: [1.5, 1.2] } });
  expect(noFindingsRow(r, "en")[4]).toBe(
    "2 groups, 1 family checked: severity order respected, every weight present and positive",
  );
  const one = auditWeights({ base: { codes: ["GB11"], weights: [1.5] } });
  expect(noFindingsRow(one, "en")[4]).toMatch(/^1 group, 0 families checked/);
});

it("more deaths than cases on an aggregated row: only 1 case (it said 1 cases)", () => {
  // Row 2 counts one case and says 2 deaths.
  expect(() => readDiedColumns([{ values: [0, 2], counts: [3, 1] }])).toThrow(
    "died row 2: 2 deaths but the row has only 1 case",
  );
});
