/**
 * A weight table: group code -> relative weight, as published by an insurance bureau or
 * computed by `relativeWeights`. Blank weights are kept as "no weight" (NaN): real tables
 * list groups without a weight (the Harbin 2024 catalogue has seven).
 *
 *     const table = weightTable(["GB11", "GB13"], [2.1, 1.4]);
 *     table.weightOf("gb11")  // 2.1
 */
import { normalizeCode } from "./codes";
import { cellNumber, errorValueInCell, isTextCell, mayBeErrorValue, notANumber } from "./input";
import { CaseMixError, countOf } from "./text";

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
  // A benchmark table holds mean costs or days, not weights: say "value" in its messages.
  const word = /weight/i.test(argName) ? { en: "weight", zh: "权重" } : { en: "value", zh: "数值" };
  const n = Math.min(codes.length, weights.length);
  const start = n > 0 && isTextCell(weights[0]) ? 1 : 0;
  const outCodes: string[] = [];
  const outWeights: number[] = [];
  const index = new Map<string, number>();
  for (let i = start; i < n; i++) {
    if (mayBeErrorValue(codes[i])) throw errorValueInCell(argName, i + firstRow, codes[i]);
    const code = normalizeCode(codes[i]);
    if (code === "") continue;
    const w = cellNumber(weights[i]);
    if (w === undefined) throw notANumber(argName, i + firstRow, weights[i]);
    if (w < 0) {
      throw new CaseMixError("value", {
        en: `${argName} row ${i + firstRow}: ${word.en} ${w} of ${code} is negative`,
        zh: `${argName} 第 ${i + firstRow} 行：${code} 的${word.zh} ${w} 为负数`,
      });
    }
    const seen = index.get(code);
    if (seen !== undefined) {
      const prev = outWeights[seen];
      if (prev === w || (Number.isNaN(prev) && Number.isNaN(w))) continue;
      throw listedTwice(argName, i + firstRow, code, word, prev, w);
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

/**
 * The error for a code listed twice with different values; a blank value (NaN) is named as
 * blank, not as "NaN": `GB11 is listed twice with different weights (blank and 1)`.
 */
export function listedTwice(
  argName: string,
  row: number,
  code: string,
  word: { en: string; zh: string },
  first: number,
  second: number,
): CaseMixError {
  const en = (v: number) => (v === v ? String(v) : "blank");
  const zh = (v: number) => (v === v ? String(v) : "空白");
  return new CaseMixError("value", {
    en: `${argName} row ${row}: ${code} is listed twice with different ${word.en}s (${en(first)} and ${en(second)})`,
    zh: `${argName} 第 ${row} 行：${code} 重复出现且${word.zh}不同（${zh(first)} 与 ${zh(second)}）`,
  });
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

/**
 * Weights times case counts beyond a double: the total weight, and every CMI or mean weight
 * over it, would be Infinity (or NaN), so the calculation is refused as out of range (#NUM!).
 */
function totalWeightTooLarge(argName: string): CaseMixError {
  return new CaseMixError("num", {
    en: `${argName}: the weights times the case counts add up to more than 1.8e308, the largest number Excel holds`,
    zh: `${argName}：权重乘以病例数之和超过 1.8e308（Excel 能表示的最大数）`,
  });
}

export type MissingWeightRule = "error" | "exclude";

export interface CaseWeights {
  /** Weight per interned group id; NaN for groups the table does not weigh. */
  weightById: Float64Array;
  /** Cases (rows times counts) whose group has no weight. */
  missingCases: number;
  /** The groups without a weight, in order of first appearance in the rows. */
  missingCodes: string[];
}

/**
 * Looks up the weight of every group of a case column. A group the table does not weigh is
 * an error naming the first such code (in row order) and how many cases it affects, unless
 * `missing` is "exclude": then the cases are left out by the caller and counted here.
 */
export function caseWeights(
  groups: { ids: Int32Array; codes: string[] },
  table: WeightTable,
  options: { counts?: ArrayLike<number>; missing?: MissingWeightRule; argName?: string } = {},
): CaseWeights {
  const weightById = weightsForCodes(groups.codes, table);
  const missingById = new Float64Array(groups.codes.length);
  const firstRow = new Int32Array(groups.codes.length).fill(-1);
  const { ids } = groups;
  const counts = options.counts;
  let missingCases = 0;
  let totalWeight = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (id < 0) continue;
    const n = counts ? counts[i] : 1;
    if (!(n > 0)) continue;
    const w = weightById[id];
    if (w === w) {
      totalWeight += n * w;
      continue;
    }
    missingById[id] += n;
    missingCases += n;
    if (firstRow[id] < 0) firstRow[id] = i;
  }
  if (totalWeight === Infinity) throw totalWeightTooLarge(options.argName ?? "weight_table");
  const missingIds: number[] = [];
  for (let id = 0; id < groups.codes.length; id++) if (firstRow[id] >= 0) missingIds.push(id);
  missingIds.sort((a, b) => firstRow[a] - firstRow[b]);
  const missingCodes = missingIds.map((id) => groups.codes[id]);
  if (missingCases > 0 && (options.missing ?? "error") === "error") {
    const first = missingIds[0];
    const code = groups.codes[first];
    const argName = options.argName ?? "weight_table";
    const affected = missingById[first];
    const others = missingCodes.length - 1;
    throw new CaseMixError("na", {
      en:
        `${code} has no weight in ${argName} (${countOf(affected, "case")})` +
        (others > 0
          ? `; ${countOf(others, "more group", "more groups")} without a weight, ${countOf(missingCases, "case")} in all`
          : "") +
        `; add the weights or set missing to "exclude"`,
      zh:
        `${code} 在 ${argName} 中没有权重（${affected} 例）` +
        (others > 0 ? `；另有 ${others} 个病组没有权重，共 ${missingCases} 例` : "") +
        `；请补充权重，或将 missing 设为 "exclude"`,
    });
  }
  return { weightById, missingCases, missingCodes };
}
