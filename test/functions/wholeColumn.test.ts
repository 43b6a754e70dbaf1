/**
 * Whole-column references at full size: a reference such as `D:D` reaches a custom function as
 * all 1,048,576 rows of the column, the blank padding included (blanks arrive as "" on desktop
 * and as null on some hosts). The answer must be the one for the exact range, with no note
 * about the blank rows, which are not data. Data in the first 24,000 rows, as in the README.
 */
import { cmi } from "../../src/functions/caseMix";
import { costIndex } from "../../src/functions/efficiency";
import { drgWeight } from "../../src/functions/weights";

const SHEET_ROWS = 1_048_576;
const DATA_ROWS = 24_000;
const GROUPS = ["GB11", "ES21", "FM19"];

/** One column of the sheet: `value(i)` for the data rows, then `blank` to the last row. */
function column(value: (i: number) => unknown, blank: unknown, rows = SHEET_ROWS): unknown[][] {
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) out[i] = [i < DATA_ROWS ? value(i) : blank];
  return out;
}

const group = (i: number) => GROUPS[i % 3];
// Costs 1000..1006 by i mod 7, departments alternating.
const cost = (i: number) => 1000 + (i % 7);
const dept = (i: number) => (i % 2 ? "内科" : "外科");

describe.each<[unknown, string]>([
  ["", "blank text"],
  [null, "null"],
])("a whole column padded with %p (%s)", (blank) => {
  const exact = <T>(f: (n: number) => T) => column(f, blank, DATA_ROWS) as any[][];
  const whole = <T>(f: (n: number) => T) => column(f, blank) as any[][];
  const tableRows = (rows: number) => {
    const t: unknown[][] = new Array(rows);
    for (let i = 0; i < rows; i++) t[i] = i < 3 ? [GROUPS[i], [1.5, 0.5, 2][i]] : [blank, blank];
    return t as any[][];
  };

  test("CMI, with and without by, equals the exact range", () => {
    // 8,000 cases each of weight 1.5, 0.5 and 2: CMI = (1.5 + 0.5 + 2) / 3 = 1.3333
    const result = cmi(whole(group), tableRows(SHEET_ROWS));
    expect(result).toEqual(cmi(exact(group), tableRows(3)));
    expect(result[0][0]).toBeCloseTo(4 / 3, 12);
    const byDept = cmi(whole(group), tableRows(SHEET_ROWS), whole(dept));
    expect(byDept).toEqual(cmi(exact(group), tableRows(3), exact(dept)));
    expect(byDept.flat().some((c) => typeof c === "string" && c.includes("skipped"))).toBe(false);
  });

  // The per-group functions read their columns the same way; once is enough for them.
  if (blank !== "") return;
  test("COST_INDEX and DRG_WEIGHT equal the exact range", () => {
    expect(costIndex(whole(group), whole(cost))).toEqual(costIndex(exact(group), exact(cost)));
    const weights = drgWeight(whole(group), whole(cost));
    expect(weights).toEqual(drgWeight(exact(group), exact(cost)));
    expect(weights.flat().some((c) => typeof c === "string" && c.includes("skipped"))).toBe(false);
  });
});
