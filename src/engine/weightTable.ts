/**
 * A weight table: group code -> relative weight, as published by an insurance bureau or
 * computed by `relativeWeights`. Blank weights are kept as "no weight" (NaN): real tables
 * list groups without a weight (the Harbin 2024 catalogue has seven).
 *
 *     const table = weightTable(["GB11", "GB13"], [2.1, 1.4]);
 *     table.weightOf("gb11")  // 2.1
 */
import { normalizeCode } from "./codes";
import { cellNumber, isTextCell, notANumber } from "./input";
import { CaseMixError } from "./text";

export interface WeightTable {
  codes: string[];
  weights: Float64Array;
  index: Map<string, number>;
  /** The weight of a code (normalized first), NaN when the table has none. */
  weightOf(code: unknown): number;
}

export interface WeightTableOptions {
  /** Argument name used in messages (default `weight_table`). */
  argName?: string;
  /** Row number of the first value, for messages (default 1). */
  firstRow?: number;
}

/**
 * Builds a table from a code column and a weight column. A first row whose weight is text
 * is a header and is skipped. Rows with an empty code are ignored (tables have blank
 * separator rows); a code listed twice with different weights is an error.
 */
export function weightTable(
  codes: ArrayLike<unknown>,
  weights: ArrayLike<unknown>,
  options: WeightTableOptions = {},
): WeightTable {
  const argName = options.argName ?? "weight_table";
  const firstRow = options.firstRow ?? 1;
  const n = Math.min(codes.length, weights.length);
  const start = n > 0 && isTextCell(weights[0]) ? 1 : 0;
  const outCodes: string[] = [];
  const outWeights: number[] = [];
  const index = new Map<string, number>();
  for (let i = start; i < n; i++) {
    const code = normalizeCode(codes[i]);
    if (code === "") continue;
    const w = cellNumber(weights[i]);
    if (w === undefined) throw notANumber(argName, i + firstRow, weights[i]);
    if (w < 0) {
      throw new CaseMixError("value", {
        en: `${argName} row ${i + firstRow}: weight ${w} of ${code} is negative`,
        zh: `${argName} 第 ${i + firstRow} 行：${code} 的权重 ${w} 为负数`,
      });
    }
    const seen = index.get(code);
    if (seen !== undefined) {
      const prev = outWeights[seen];
      if (prev === w || (Number.isNaN(prev) && Number.isNaN(w))) continue;
      throw new CaseMixError("value", {
        en: `${argName} row ${i + firstRow}: ${code} is listed twice with different weights (${prev} and ${w})`,
        zh: `${argName} 第 ${i + firstRow} 行：${code} 重复出现且权重不同（${prev} 与 ${w}）`,
      });
    }
    index.set(code, outCodes.length);
    outCodes.push(code);
    outWeights.push(w);
  }
  const table: WeightTable = {
    codes: outCodes,
    weights: Float64Array.from(outWeights),
    index,
    weightOf(code: unknown): number {
      const at = index.get(normalizeCode(code));
      return at === undefined ? NaN : table.weights[at];
    },
  };
  return table;
}

/** Weights for a list of interned codes, NaN where the table has none. */
export function weightsForCodes(codes: readonly string[], table: WeightTable): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const at = table.index.get(codes[i]);
    out[i] = at === undefined ? NaN : table.weights[at];
  }
  return out;
}
