/**
 * Quality (安全维度): mortality risk levels of DRG groups and low-risk mortality
 * (低风险组死亡率), DOMAIN.md "Quality".
 *
 *     M_g = deaths_g / cases_g
 *     z_g = (ln M_g - mean(ln M)) / sd(ln M)      over the groups with M_g > 0 (sample SD)
 *     level 0 no deaths; 1 if z < -1; 2 if -1 <= z < 0; 3 if 0 <= z < 1; 4 if z >= 1
 *     low-risk mortality = deaths in level-1 groups / cases in level-1 groups
 *
 * Example: mortalities 1/8, 1/4, 1/2 have ln M = -3L, -2L, -L (L = ln 2), mean -2L, sample
 * SD L, so z = -1, 0, 1 and the levels are 2, 3, 4; a fourth group without deaths is level 0.
 */
import { Interned } from "./codes";
import { headerKey } from "./columns";
import { SkippedRows, noSkips, sortedOrder } from "./grouping";
import { cellNumber, isBlankCell } from "./input";
import { CaseMixError, quoteCell } from "./text";

// ---------------------------------------------------------------------------------------
// Reading the died column
// ---------------------------------------------------------------------------------------

/**
 * How a died column is read:
 * - `flag`: 1 died, 0 not; also TRUE/FALSE, 是/否, 死亡/存活, Y/N, yes/no.
 * - `dischargeWay`: the front-page discharge-way code (离院方式) 1 on medical advice,
 *   2 transfer, 3 transfer to community, 4 against advice, 5 death, 9 other: only 5 is death.
 * - `count`: aggregated rows (with counts): the number of deaths among the row's cases.
 */
export type DiedEncoding = "flag" | "dischargeWay" | "count";

const DIED_WORDS = new Set(["死亡", "是", "死", "已死亡", "Y", "YES", "TRUE", "DIED", "DEAD", "DEATH"]);
const ALIVE_WORDS = new Set([
  "否",
  "无",
  "未死亡",
  "存活",
  "生存",
  "N",
  "NO",
  "FALSE",
  "ALIVE",
  "SURVIVED",
  // discharge-way names (离院方式) other than death
  "医嘱离院",
  "医嘱转院",
  "转院",
  "医嘱转社区卫生服务机构/乡镇卫生院",
  "医嘱转社区",
  "转社区",
  "非医嘱离院",
  "自动出院",
  "其他",
]);
/** Discharge-way codes of the national front-page standard. */
const DISCHARGE_CODES = new Set([1, 2, 3, 4, 5, 9]);
/** "5.死亡", "5 死亡", "1-医嘱离院": a discharge-way code followed by its name. */
const CODED_TEXT = /^([0-9])\s*[.．、:：\-)）\s]\s*\S/;

/** Headers that say which encoding a column uses. */
const DISCHARGE_HEADERS = ["离院方式", "出院方式", "DISCHARGEWAY", "DISCHARGESTATUS", "DISCHARGEDISPOSITION"];

/** What one cell says, before the column's encoding is known. */
type CellReading =
  | { kind: "blank" }
  | { kind: "word"; died: boolean }
  | { kind: "number"; value: number }
  | { kind: "code"; value: number }
  | { kind: "bad" };

function readCell(raw: unknown): CellReading {
  if (isBlankCell(raw)) return { kind: "blank" };
  if (typeof raw === "boolean") return { kind: "word", died: raw };
  const n = cellNumber(raw);
  if (n !== undefined && !Number.isNaN(n)) return { kind: "number", value: n };
  if (typeof raw !== "string") return { kind: "bad" };
  const key = headerKey(raw);
  if (DIED_WORDS.has(key)) return { kind: "word", died: true };
  if (ALIVE_WORDS.has(key)) return { kind: "word", died: false };
  const coded = CODED_TEXT.exec(raw.trim());
  if (coded) return { kind: "code", value: Number(coded[1]) };
  return { kind: "bad" };
}

/** True when a cell is a valid died value (used to tell a header row from data). */
export function isDiedValue(raw: unknown): boolean {
  return readCell(raw).kind !== "bad";
}

/** True when a header names a discharge-way column (离院方式). */
export function isDischargeWayHeader(header: unknown): boolean {
  const key = headerKey(header);
  return key !== "" && DISCHARGE_HEADERS.some((h) => key.includes(h));
}

export interface DiedOptions {
  /** Argument name for messages (default `died`). */
  argName?: string;
  /** Row number of the first value, for messages (default 1). */
  firstRow?: number;
  /** Cases per row (aggregated rows): the column then holds the number of deaths. */
  counts?: ArrayLike<number>;
  /** The column's header, when it had one: 离院方式 forces the discharge-way reading. */
  header?: unknown;
}

function badDied(argName: string, row: number, raw: unknown, encoding: DiedEncoding): CaseMixError {
  if (encoding === "count") {
    return new CaseMixError("value", {
      en: `${argName} row ${row}: ${quoteCell(raw)} is not a number of deaths (with counts, ${argName} holds the deaths of each row)`,
      zh: `${argName} 第 ${row} 行：${quoteCell(raw)} 不是死亡人数（提供 counts 时，${argName} 为每行的死亡人数）`,
    });
  }
  if (encoding === "dischargeWay") {
    return new CaseMixError("value", {
      en: `${argName} row ${row}: ${quoteCell(raw)} is not a discharge-way code (1, 2, 3, 4, 5 death, 9); the column was read as 离院方式 because it holds codes other than 0 and 1`,
      zh: `${argName} 第 ${row} 行：${quoteCell(raw)} 不是离院方式代码（1、2、3、4、5 死亡、9）；该列含 0 和 1 以外的代码，因此按离院方式读取`,
    });
  }
  return new CaseMixError("value", {
    en: `${argName} row ${row}: ${quoteCell(raw)} is not a died value (1/0, TRUE/FALSE, 是/否, 死亡, or the discharge-way code 5)`,
    zh: `${argName} 第 ${row} 行：${quoteCell(raw)} 不是死亡标志（1/0、TRUE/FALSE、是/否、死亡，或离院方式代码 5）`,
  });
}

/**
 * Reads a died column into deaths per row (0 or 1 per case; the number of deaths with counts).
 *
 * The rule for numbers, so a 离院方式 column and a 0/1 flag column both read correctly:
 * - A column is a discharge-way column when its header is 离院方式 (or 出院方式), or when it
 *   holds any of the codes 2, 3, 4, 5, 9 (as numbers or as "5.死亡"-style text). Then only 5
 *   is death, and 1, 2, 3, 4, 9 are not; any other number is an error.
 * - Otherwise numbers are a died flag: 1 died, 0 not; any other number is an error.
 * - 0 and blank cells are never a death in either reading (Excel hands some empty cells over
 *   as 0, and a 是否死亡 column is often left blank for survivors).
 * - Words: 死亡, 是, TRUE, Y, yes, died are deaths; 否, 无, 存活, FALSE, N, no, and the names of
 *   the other discharge ways (医嘱离院, 转院, ...) are not.
 * Caveat: a headerless discharge-way column whose cases were all discharged on medical
 * advice (only 1s) cannot be told from a flag column; keep its 离院方式 header in the range.
 * With `counts`, every cell must be a number of deaths between 0 and the row's count.
 *
 *     readDied([0, 1, 1, 0]).deaths   // [0, 1, 1, 0] (flag)
 *     readDied([1, 5, 2, 1]).deaths   // [0, 1, 0, 0] (discharge way: 2 and 5 occur)
 *     readDied(["是", "否", true, "5.死亡"]).deaths // [1, 0, 1, 1]
 */
export function readDied(
  values: ArrayLike<unknown>,
  options: DiedOptions = {},
): { deaths: Float64Array; encoding: DiedEncoding } {
  const argName = options.argName ?? "died";
  const firstRow = options.firstRow ?? 1;
  const n = values.length;
  const deaths = new Float64Array(n);
  const counts = options.counts;

  if (counts) {
    for (let i = 0; i < n; i++) {
      const raw = values[i];
      const v = cellNumber(raw);
      if (v === undefined) throw badDied(argName, i + firstRow, raw, "count");
      if (Number.isNaN(v)) continue;
      if (v < 0 || !Number.isInteger(v)) throw badDied(argName, i + firstRow, raw, "count");
      const c = counts[i];
      if (c === c && v > c) {
        throw new CaseMixError("value", {
          en: `${argName} row ${i + firstRow}: ${v} deaths but the row has only ${c} cases`,
          zh: `${argName} 第 ${i + firstRow} 行：死亡 ${v} 例，但该行只有 ${c} 例`,
        });
      }
      deaths[i] = v;
    }
    return { deaths, encoding: "count" };
  }

  // Pass 1: read the cells and decide the encoding. Raw values repeat a lot, so cache them.
  const cache = new Map<unknown, CellReading>();
  const readings = new Array<CellReading>(n);
  let dischargeWay = isDischargeWayHeader(options.header);
  for (let i = 0; i < n; i++) {
    const raw = values[i];
    let r = cache.get(raw);
    if (r === undefined) {
      r = readCell(raw);
      cache.set(raw, r);
    }
    readings[i] = r;
    if (r.kind === "bad") throw badDied(argName, i + firstRow, raw, "flag");
    if ((r.kind === "number" || r.kind === "code") && r.value !== 0 && r.value !== 1 && DISCHARGE_CODES.has(r.value)) {
      dischargeWay = true;
    }
  }
  // Pass 2: the deaths.
  for (let i = 0; i < n; i++) {
    const r = readings[i];
    if (r.kind === "blank") continue;
    if (r.kind === "word") {
      deaths[i] = r.died ? 1 : 0;
      continue;
    }
    if (r.kind === "bad") continue; // unreachable: pass 1 threw
    const v = r.value;
    if (v === 0) continue;
    if (dischargeWay || r.kind === "code") {
      if (!DISCHARGE_CODES.has(v)) throw badDied(argName, i + firstRow, values[i], "dischargeWay");
      deaths[i] = v === 5 ? 1 : 0;
    } else {
      if (v !== 1) throw badDied(argName, i + firstRow, values[i], "flag");
      deaths[i] = 1;
    }
  }
  return { deaths, encoding: dischargeWay ? "dischargeWay" : "flag" };
}

// ---------------------------------------------------------------------------------------
// Risk levels
// ---------------------------------------------------------------------------------------

export type RiskLevel = 0 | 1 | 2 | 3 | 4;

/** Tolerance on the cut points, so that z = 1 computed as 0.9999999999999998 is still 1. */
const CUT_TOLERANCE = 1e-12;

/**
 * The risk level of a group with deaths from its z score: 1 if z < -1, 2 if -1 <= z < 0,
 * 3 if 0 <= z < 1, 4 if z >= 1. A z within 1e-12 of a cut point counts as on it (a value
 * that is exactly -1, 0 or 1 by hand can come out of floating point a few ulps away).
 *
 *     riskLevelOfZ(-1)   // 2
 *     riskLevelOfZ(0)    // 3
 *     riskLevelOfZ(1)    // 4
 */
export function riskLevelOfZ(z: number): RiskLevel {
  if (z < -1 - CUT_TOLERANCE) return 1;
  if (z < -CUT_TOLERANCE) return 2;
  if (z < 1 - CUT_TOLERANCE) return 3;
  return 4;
}

/** Cases of row i, or 0 when the row is skipped (empty group; blank or 0 count), counted in `skipped`. */
function rowCases(g: number, counts: ArrayLike<number> | undefined, i: number, skipped: SkippedRows): number {
  if (g < 0) {
    skipped.emptyGroup++;
    return 0;
  }
  const c = counts ? counts[i] : 1;
  if (!(c > 0)) {
    skipped.noCases++;
    return 0;
  }
  return c;
}

export interface GroupRisk {
  /** Group codes in display order (sorted). */
  codes: string[];
  cases: Float64Array;
  deaths: Float64Array;
  /** deaths / cases. */
  mortality: Float64Array;
  /** NaN for groups without deaths. */
  z: Float64Array;
  level: Uint8Array;
  /** Code -> position in the arrays above. */
  index: Map<string, number>;
  /** Mean and sample SD of ln M over the groups with deaths. */
  meanLn: number;
  sdLn: number;
  skipped: SkippedRows;
}

export interface MortalityInput {
  groups: Interned;
  /** Deaths per row (from `readDied`). */
  deaths: ArrayLike<number>;
  /** Cases per row (aggregated rows); blank or 0 skips the row. */
  counts?: ArrayLike<number>;
}

/**
 * Mortality, z score and risk level of every group with cases. When the groups with deaths
 * have no spread (only one of them, or all with the same mortality) every one of them sits
 * at the mean: z = 0, level 3 (decision: the formula's 0/0 read as "no deviation").
 */
export function riskLevels(input: MortalityInput): GroupRisk {
  const { groups, deaths, counts } = input;
  const ids = groups.ids;
  const nGroups = groups.codes.length;
  const cases = new Float64Array(nGroups);
  const dead = new Float64Array(nGroups);
  const skipped = noSkips();
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    const c = rowCases(g, counts, i, skipped);
    if (c === 0) continue;
    cases[g] += c;
    dead[g] += deaths[i];
  }
  const order = Array.from(sortedOrder(groups.codes)).filter((g) => cases[g] > 0);
  const m = order.length;
  const out: GroupRisk = {
    codes: order.map((g) => groups.codes[g]),
    cases: new Float64Array(m),
    deaths: new Float64Array(m),
    mortality: new Float64Array(m),
    z: new Float64Array(m).fill(NaN),
    level: new Uint8Array(m),
    index: new Map(),
    meanLn: NaN,
    sdLn: NaN,
    skipped,
  };
  const logs: number[] = [];
  order.forEach((g, k) => {
    out.cases[k] = cases[g];
    out.deaths[k] = dead[g];
    out.mortality[k] = dead[g] / cases[g];
    out.index.set(out.codes[k], k);
    if (dead[g] > 0) logs.push(Math.log(out.mortality[k]));
  });
  if (logs.length === 0) return out;
  let meanLn = 0;
  for (const v of logs) meanLn += v;
  meanLn /= logs.length;
  let ss = 0;
  for (const v of logs) ss += (v - meanLn) * (v - meanLn);
  const sdLn = logs.length > 1 ? Math.sqrt(ss / (logs.length - 1)) : NaN;
  // No spread, up to rounding: every ln M equals the mean.
  const flat = !(sdLn > 1e-12 * Math.max(1, Math.abs(meanLn)));
  out.meanLn = meanLn;
  out.sdLn = sdLn;
  for (let k = 0; k < m; k++) {
    if (!(out.deaths[k] > 0)) continue;
    const z = flat ? 0 : (Math.log(out.mortality[k]) - meanLn) / sdLn;
    out.z[k] = z;
    out.level[k] = riskLevelOfZ(z);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Low-risk mortality
// ---------------------------------------------------------------------------------------

export interface LowRiskRow {
  key: string;
  /** Cases in level-1 groups. */
  cases: number;
  /** Deaths in level-1 groups. */
  deaths: number;
  /** deaths / cases; NaN when the unit has no level-1 case. */
  rate: number;
}

export interface LowRiskResult {
  overall: LowRiskRow;
  /** One row per key in display order, with `by`. */
  rows?: LowRiskRow[];
  /** Cases whose group the levels do not know (not in the benchmark): not low-risk. */
  casesWithoutLevel: number;
  skipped: SkippedRows;
}

/**
 * Low-risk mortality of the cases in `input` with the levels of `levels` (from the same
 * cases, or from a benchmark such as a region). Only level-1 groups count; a group the
 * levels do not know counts as not low-risk and is reported in `casesWithoutLevel`.
 *
 *     // levels: GB11 level 1, ES21 level 3; cases GB11 x 4 (1 died), ES21 x 2 (1 died)
 *     lowRiskMortality(...).overall  // { cases: 4, deaths: 1, rate: 0.25 }
 */
export function lowRiskMortality(input: MortalityInput & { by?: Interned }, levels: GroupRisk): LowRiskResult {
  const { groups, deaths, counts, by } = input;
  const ids = groups.ids;
  // Level per interned group: 255 = unknown to the levels.
  const levelById = new Uint8Array(groups.codes.length);
  groups.codes.forEach((code, g) => {
    const at = levels.index.get(code);
    levelById[g] = at === undefined ? 255 : levels.level[at];
  });
  const skipped = noSkips();
  const nKeys = by ? by.codes.length : 0;
  const keyCases = new Float64Array(nKeys);
  const keyDeaths = new Float64Array(nKeys);
  const keySeen = new Uint8Array(nKeys);
  let totalCases = 0;
  let totalDeaths = 0;
  let casesWithoutLevel = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    const c = rowCases(g, counts, i, skipped);
    if (c === 0) continue;
    let k = -1;
    if (by) {
      k = by.ids[i];
      if (k < 0) {
        skipped.emptyKey++;
        continue;
      }
      keySeen[k] = 1;
    }
    const level = levelById[g];
    if (level === 255) {
      casesWithoutLevel += c;
      continue;
    }
    if (level !== 1) continue;
    totalCases += c;
    totalDeaths += deaths[i];
    if (k >= 0) {
      keyCases[k] += c;
      keyDeaths[k] += deaths[i];
    }
  }
  const row = (key: string, c: number, d: number): LowRiskRow => ({
    key,
    cases: c,
    deaths: d,
    rate: c > 0 ? d / c : NaN,
  });
  let rows: LowRiskRow[] | undefined;
  if (by) {
    rows = [];
    for (const k of sortedOrder(by.codes)) {
      if (keySeen[k]) rows.push(row(by.codes[k], keyCases[k], keyDeaths[k]));
    }
  }
  return { overall: row("", totalCases, totalDeaths), rows, casesWithoutLevel, skipped };
}
