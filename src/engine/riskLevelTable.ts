/**
 * Risk levels given instead of computed (DOMAIN.md "Quality"): a table group -> level, as
 * RISK_LEVEL spills it or as a region publishes it, or a published list of low-risk groups.
 * Low-risk mortality only needs the level of each group, so these stand in for `riskLevels`.
 *
 *     levelsFromTable(["GB11", "ES21"], [1, "中高风险"]).level   // [1, 3]
 *     levelsFromList(["GB11", "FR25"])                            // both level 1; unlisted groups level 0
 */
import { normalizeCode } from "./codes";
import { headerKey } from "./columns";
import { isBlankCell } from "./input";
import { CaseMixError, quoteCell } from "./text";

/** A mortality risk level, 0 to 4 (riskLevelOfZ in mortalityRisk.ts gives 1 to 4 from a z score). */
export type RiskLevel = 0 | 1 | 2 | 3 | 4;

/** The level of each group, as `lowRiskMortality` reads it (a `GroupRisk` is one). */
export interface RiskLookup {
  /** Code -> position in `level`. */
  index: Map<string, number>;
  level: ArrayLike<number>;
  /**
   * True for a list of the low-risk groups: a group not listed is known not to be low-risk.
   * Otherwise a group the table does not know has no level (counted as cases without level).
   */
  exhaustive?: boolean;
}

/** Level words of published tables: 低风险组, 中低风险, 中高风险, 高风险 and their English names. */
const LEVEL_WORDS = new Map<string, RiskLevel>([
  ["无死亡", 0],
  ["零风险", 0],
  ["NONE", 0],
  ["低", 1],
  ["低风险", 1],
  ["低风险组", 1],
  ["LOW", 1],
  ["中低", 2],
  ["中低风险", 2],
  ["中低风险组", 2],
  ["MID-LOW", 2],
  ["MEDIUM-LOW", 2],
  ["中高", 3],
  ["中高风险", 3],
  ["中高风险组", 3],
  ["MID-HIGH", 3],
  ["MEDIUM-HIGH", 3],
  ["高", 4],
  ["高风险", 4],
  ["高风险组", 4],
  ["HIGH", 4],
]);

/** A risk level cell: 0..4, "1级", "level 1", or a level word; undefined when it is none. */
export function riskLevelOfCell(raw: unknown): RiskLevel | undefined {
  if (typeof raw === "number") return Number.isInteger(raw) && raw >= 0 && raw <= 4 ? (raw as RiskLevel) : undefined;
  if (typeof raw !== "string") return undefined;
  const key = headerKey(raw)
    .replace(/^LEVEL/, "")
    .replace(/级$/, "");
  if (/^[0-4]$/.test(key)) return Number(key) as RiskLevel;
  return LEVEL_WORDS.get(key);
}

export interface LevelTableOptions {
  /** Argument name for messages (default `levels`). */
  argName?: string;
  /** Row number of the first row, for messages (default 1). */
  firstRow?: number;
}

/**
 * Reads a level table: the group code and its level on each row. A row without a code or
 * without a level says nothing and is left out (a group without a level); a level that is
 * none of 0..4 or the level words, and a group listed twice with two levels, are errors
 * naming the row.
 */
export function levelsFromTable(
  codes: ArrayLike<unknown>,
  levels: ArrayLike<unknown>,
  options: LevelTableOptions = {},
): RiskLookup {
  const argName = options.argName ?? "levels";
  const firstRow = options.firstRow ?? 1;
  const index = new Map<string, number>();
  const level: number[] = [];
  const rowOf: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = normalizeCode(codes[i]);
    if (code === "" || isBlankCell(levels[i])) continue;
    const v = riskLevelOfCell(levels[i]);
    const row = i + firstRow;
    if (v === undefined) {
      throw new CaseMixError("value", {
        en: `${argName} row ${row}: ${quoteCell(levels[i])} is not a risk level (0 to 4, or 低风险, 中低风险, 中高风险, 高风险)`,
        zh: `${argName} 第 ${row} 行：${quoteCell(levels[i])} 不是风险等级（0 至 4，或 低风险、中低风险、中高风险、高风险）`,
      });
    }
    const at = index.get(code);
    if (at !== undefined && level[at] !== v) {
      throw new CaseMixError("value", {
        en: `${argName} row ${row}: ${code} has level ${v} but row ${rowOf[at]} gives it level ${level[at]}`,
        zh: `${argName} 第 ${row} 行：${code} 的等级为 ${v}，而第 ${rowOf[at]} 行为 ${level[at]}`,
      });
    }
    if (at !== undefined) continue;
    index.set(code, level.length);
    level.push(v);
    rowOf.push(row);
  }
  return { index, level };
}

/** A published list of the low-risk groups: each listed group is level 1, every other group not low-risk. */
export function levelsFromList(codes: ArrayLike<unknown>): RiskLookup {
  const index = new Map<string, number>();
  for (let i = 0; i < codes.length; i++) {
    const code = normalizeCode(codes[i]);
    if (code !== "" && !index.has(code)) index.set(code, index.size);
  }
  return { index, level: new Uint8Array(index.size).fill(1), exhaustive: true };
}
