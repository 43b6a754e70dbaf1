/**
 * A weight table read for the audit (DOMAIN.md "Weight-adjustment audit"). Unlike
 * `weightTable`, blank, zero and negative weights are kept: they are findings, not errors.
 */
import { compareCodes, normalizeCode, normalizeKey } from "../codes";
import { cellNumber, notANumber } from "../input";
import { Severity, severityOf } from "../severityOrder";
import { CaseMixError } from "../text";
import { listedTwice } from "../weightTable";

export interface TableInput {
  /** Group codes, one a row; rows with an empty code are ignored. */
  codes: ArrayLike<unknown>;
  /** Weights beside the codes; a blank cell means "listed without a weight". No header row. */
  weights: ArrayLike<unknown>;
  /** Group names beside the codes (MS-DRG families are read from them). */
  names?: ArrayLike<unknown>;
  /** Argument name in messages (default `weights` for the base, `adjusted` for the other). */
  argName?: string;
  /** Row number of the first cell, for messages (default 1). */
  firstRow?: number;
}

export interface AuditTable {
  codes: string[];
  /** NaN where the code is listed without a weight. Zero and negative weights are kept. */
  weights: Float64Array;
  names: string[];
  severity: (Severity | undefined)[];
  index: Map<string, number>;
}

/**
 * Reads a table for the audit: text that is not a number is an error naming the row, and so
 * is a code listed twice with different weights (listed twice with the same weight counts once).
 *
 *     auditTable({ codes: ["GB11", "GB13"], weights: [2.1, ""] }).weights  // [2.1, NaN]
 */
export function auditTable(input: TableInput, defaultName = "weights"): AuditTable {
  const argName = input.argName ?? defaultName;
  const firstRow = input.firstRow ?? 1;
  const { codes: rawCodes, weights: rawWeights, names: rawNames } = input;
  if (rawWeights.length !== rawCodes.length || (rawNames && rawNames.length !== rawCodes.length)) {
    const other = rawWeights.length !== rawCodes.length ? rawWeights.length : rawNames!.length;
    throw new CaseMixError("value", {
      en: `${argName}: the codes have ${rawCodes.length} rows but the other column has ${other}; they must be the same size`,
      zh: `${argName}：编码有 ${rawCodes.length} 行，而另一列有 ${other} 行，大小必须相同`,
    });
  }
  const codes: string[] = [];
  const weights: number[] = [];
  const names: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < rawCodes.length; i++) {
    const code = normalizeCode(rawCodes[i]);
    if (code === "") continue;
    const w = cellNumber(rawWeights[i]);
    if (w === undefined) throw notANumber(argName, i + firstRow, rawWeights[i]);
    const seen = index.get(code);
    if (seen !== undefined) {
      const prev = weights[seen];
      if (prev === w || (prev !== prev && w !== w)) continue;
      throw listedTwice(argName, i + firstRow, code, { en: "weight", zh: "权重" }, prev, w);
    }
    index.set(code, codes.length);
    codes.push(code);
    weights.push(w);
    names.push(rawNames ? normalizeKey(rawNames[i]) : "");
  }
  const severity = codes.map((c, k) => severityOf(c, names[k] || undefined));
  return { codes, weights: Float64Array.from(weights), names, severity, index };
}

/** Weight of each code of `codes` in `table`, NaN when absent or blank. */
export function weightsOf(codes: readonly string[], table: AuditTable): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const at = table.index.get(codes[i]);
    out[i] = at === undefined ? NaN : table.weights[at];
  }
  return out;
}

/** The codes of either table (and `extra`), sorted. */
export function unionCodes(base: AuditTable, adjusted?: AuditTable, extra?: readonly string[]): string[] {
  const all = new Set(base.codes);
  if (adjusted) for (const c of adjusted.codes) all.add(c);
  if (extra) for (const c of extra) all.add(c);
  return [...all].sort(compareCodes);
}
