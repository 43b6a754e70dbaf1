/**
 * Characters nobody can see in a cell (NUL, other control characters, zero-width spaces, a
 * byte-order mark) are dropped when codes and keys are normalized, so that "GB11" and
 * "GB11\u0000" are one group instead of two rows that look the same.
 */
import { internCodes, normalizeCode, normalizeKey } from "../../src/engine/codes";
import { weightTable } from "../../src/engine/weightTable";
import { cmi } from "../../src/functions/caseMix";
import { setLanguage } from "../../src/functions/excel";

describe("normalizeCode and normalizeKey", () => {
  it.each([
    ["GB11\u0000", "GB11"],
    ["\u0000gb11", "GB11"],
    ["GB\u200b11", "GB11"],
    ["\ufeffGB11", "GB11"],
    ["GB11\u007f", "GB11"],
    ["GB11\u0085", "GB11"],
    ["\tGB11\r\n", "GB11"],
    ["ＧＢ１１\u2060", "GB11"],
  ])("%j is GB11", (raw, code) => {
    expect(normalizeCode(raw)).toBe(code);
  });

  it("keys keep their case and their visible inner spaces; tabs and line breaks read as spaces", () => {
    expect(normalizeKey("内科\u0000")).toBe("内科");
    expect(normalizeKey("Dr\u200b Li")).toBe("Dr Li");
    expect(normalizeKey("Ward\t3")).toBe("Ward 3");
  });

  it("a code made only of invisible characters is empty", () => {
    expect(normalizeCode("\u0000\u200b")).toBe("");
    expect(internCodes(["GB11", "GB11\u0000", "\u0000"])).toMatchObject({ codes: ["GB11"], empty: 1 });
  });

  it("a weight table that lists GB11 and GB11 with a NUL is one code listed twice", () => {
    expect(weightTable(["GB11", "GB11\u0000"], [1, 1]).codes).toEqual(["GB11"]);
    expect(() => weightTable(["GB11", "GB11\u0000"], [1, 2])).toThrow(
      "weight_table row 2: GB11 is listed twice with different weights (1 and 2)",
    );
  });
});

it("CMI by department: 内科 and 内科 with a NUL are one department", () => {
  setLanguage("en");
  try {
    // 2 cases, weights 1 and 2: total weight 3, CMI 1.5, 2 groups
    expect(
      cmi(
        [["GB11"], ["GB13\u0000"]],
        [
          ["GB11", 1],
          ["GB13", 2],
        ],
        [["内科"], ["内科\u0000"]],
      ),
    ).toEqual([["内科", 1.5, 2, 3, 2]]);
  } finally {
    setLanguage(undefined);
  }
});
