/** Small helpers for calling custom functions the way Excel does in tests. */

/** A one-column range: col("GB11", "GB13") is [["GB11"], ["GB13"]]. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** The Excel error a call throws; fails the test when it returns instead. */
export function thrown(fn: () => unknown): { code: string; message?: string } {
  try {
    fn();
  } catch (e) {
    return e as { code: string; message?: string };
  }
  throw new Error("expected an error");
}
