/**
 * Results "by" a dimension (department, doctor, hospital, year): the order in which keys are
 * listed. Numbers sort as numbers (years, ward numbers) and Chinese names in pinyin order,
 * as a user sorting the column in Excel expects.
 *
 *     sortKeys(["内科", "儿科", "10", "9"])  // ["9", "10", "儿科", "内科"]
 */

const collator = new Intl.Collator(["zh-CN", "en"], { numeric: true, sensitivity: "variant" });

export function compareKeys(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The ids of `keys` in display order. */
export function sortedOrder(keys: readonly string[]): Int32Array {
  const order = Int32Array.from(keys.keys());
  return order.sort((x, y) => compareKeys(keys[x], keys[y]));
}

/** Rows skipped before the computation, by reason, so that no row disappears silently. */
export interface SkippedRows {
  /** Rows whose group code cell is empty. */
  emptyGroup: number;
  /** Rows whose `by` key cell is empty (only with `by`). */
  emptyKey: number;
  /** Rows whose case count is blank or 0. */
  noCases: number;
  /** Rows whose value (cost, days) is blank. */
  missingValue: number;
}

export function noSkips(): SkippedRows {
  return { emptyGroup: 0, emptyKey: 0, noCases: 0, missingValue: 0 };
}
