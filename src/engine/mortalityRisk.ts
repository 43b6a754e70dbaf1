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
import type { RiskLevel, RiskLookup } from "./riskLevelTable";
import { CaseMixError, countOf, quoteCell } from "./text";

// ---------------------------------------------------------------------------------------
// Reading the died column
// ---------------------------------------------------------------------------------------

/**
 * How the numbers of a died column are read:
 * - `flag`: 1 died, 0 not.
 * - `dischargeWay`: the front-page discharge-way code (离院方式) 1 on medical advice,
 *   2 transfer, 3 transfer to community, 4 against advice, 5 death, 9 other: only 5 is death.
 */
export type DiedKind = "flag" | "dischargeWay";
/** How a column was read: a kind, or `count` (aggregated rows: the deaths among the row's cases). */
export type DiedEncoding = DiedKind | "count";

/** Words that are a died flag (TRUE/FALSE, 是/否): they say the column is a flag column. */
const FLAG_DIED = new Set(["是", "死", "已死亡", "Y", "YES", "TRUE", "DIED", "DEAD", "DEATH"]);
const FLAG_ALIVE = new Set(["否", "无", "未死亡", "存活", "生存", "N", "NO", "FALSE", "ALIVE", "SURVIVED"]);
/** The names of the discharge ways other than death (离院方式): they say the column is one. */
const WAY_ALIVE = new Set([
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

/** Headers that say a column holds discharge-way codes (LYFS: the pinyin initials of 离院方式). */
const DISCHARGE_HEADERS = ["离院方式", "出院方式", "LYFS", "DISCHARGEWAY", "DISCHARGESTATUS", "DISCHARGEDISPOSITION"];
/** Headers that say a column is a died flag (是否死亡, 死亡, died). */
const FLAG_HEADERS = ["死亡", "DIED", "DEATH", "DEAD", "MORTALITY"];

/** What one cell says, before the column's encoding is known. */
type CellReading =
  | { kind: "blank" }
  /** A word or boolean; `says` the encoding it belongs to (死亡 belongs to both). */
  | { kind: "word"; died: boolean; says?: DiedKind }
  | { kind: "number"; value: number }
  | { kind: "code"; value: number }
  | { kind: "bad" };

function readCell(raw: unknown): CellReading {
  if (isBlankCell(raw)) return { kind: "blank" };
  if (typeof raw === "boolean") return { kind: "word", died: raw, says: "flag" };
  const n = cellNumber(raw);
  if (n !== undefined && !Number.isNaN(n)) return { kind: "number", value: n };
  if (typeof raw !== "string") return { kind: "bad" };
  const key = headerKey(raw);
  if (key === "死亡") return { kind: "word", died: true };
  if (FLAG_DIED.has(key)) return { kind: "word", died: true, says: "flag" };
  if (FLAG_ALIVE.has(key)) return { kind: "word", died: false, says: "flag" };
  if (WAY_ALIVE.has(key)) return { kind: "word", died: false, says: "dischargeWay" };
  const coded = CODED_TEXT.exec(raw.trim());
  if (coded) return { kind: "code", value: Number(coded[1]) };
  return { kind: "bad" };
}

/** True when a cell is a valid died value (used to tell a header row from data). */
export function isDiedValue(raw: unknown): boolean {
  return readCell(raw).kind !== "bad";
}

/** The kind a header names: 离院方式 (and 出院方式, LYFS) discharge way; 是否死亡, 死亡, died a flag. */
export function diedKindOfHeader(header: unknown): DiedKind | undefined {
  const key = headerKey(header);
  if (key === "") return undefined;
  if (DISCHARGE_HEADERS.some((h) => key.includes(h))) return "dischargeWay";
  if (FLAG_HEADERS.some((h) => key.includes(h))) return "flag";
  return undefined;
}

/** One died column of a call (the data's, a benchmark's), before its encoding is decided. */
export interface DiedColumn {
  values: ArrayLike<unknown>;
  /** Argument name (or header) for messages (default `died`). */
  argName?: string;
  /** Row number of the first value, for messages (default 1). */
  firstRow?: number;
  /** Cases per row (aggregated rows): the column then holds the number of deaths. */
  counts?: ArrayLike<number>;
  /** The column's header, when it had one: it can name the encoding (离院方式, 是否死亡). */
  header?: unknown;
}

export interface DiedDecision {
  /** The encoding the caller chose (the `died_kind` argument): it overrides every rule. */
  kind?: DiedKind;
  /** Encodings of died columns read earlier in the same call (a benchmark file read first). */
  alongside?: readonly DiedKind[];
  /** How the user chooses the encoding, for the message of an undecidable column (`died_kind`). */
  kindOption?: string;
}

export interface DiedOptions extends Omit<DiedColumn, "values">, DiedDecision {}

/** What a column says about its own encoding; `onlyOnes`: its numbers are 1s and nothing else decides. */
type DiedEvidence = DiedKind | "onlyOnes" | "none";

interface ScannedColumn {
  column: DiedColumn;
  readings: CellReading[];
  evidence: DiedEvidence;
}

/** Reads the cells of a column (throwing on one that is no died value) and what they say. */
function scanColumn(column: DiedColumn): ScannedColumn {
  const { values } = column;
  const cache = new Map<unknown, CellReading>(); // raw values repeat a lot
  const readings = new Array<CellReading>(values.length);
  let wayCode = false;
  let flagWord = false;
  let wayWord = false;
  let zero = false;
  let one = false;
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    let r = cache.get(raw);
    if (r === undefined) {
      r = readCell(raw);
      cache.set(raw, r);
    }
    readings[i] = r;
    if (r.kind === "bad") throw badDied(argOf(column), i + (column.firstRow ?? 1), raw, "flag");
    if (r.kind === "code" || (r.kind === "number" && r.value !== 0 && r.value !== 1 && DISCHARGE_CODES.has(r.value))) {
      wayCode = true;
    } else if (r.kind === "number") {
      if (r.value === 0) zero = true;
      else if (r.value === 1) one = true;
    } else if (r.kind === "word") {
      if (r.says === "flag") flagWord = true;
      else if (r.says === "dischargeWay") wayWord = true;
    }
  }
  const header = diedKindOfHeader(column.header);
  let evidence: DiedEvidence;
  if (header === "dischargeWay" || wayCode || wayWord) evidence = "dischargeWay";
  else if (header === "flag" || flagWord || (one && zero)) evidence = "flag";
  else evidence = one ? "onlyOnes" : "none";
  return { column, readings, evidence };
}

function argOf(column: DiedColumn): string {
  return column.argName ?? "died";
}

/**
 * The encoding of each died column of one call, decided once for the call (DOMAIN.md "Inputs":
 * 死亡, 是否死亡 or 离院方式, where code 5 means died):
 * 1. `kind` (the `died_kind` argument), when given, for every column.
 * 2. A column is a discharge-way column when its header says 离院方式 (出院方式, LYFS), or when
 *    it holds a discharge-way code other than 0 and 1 (2, 3, 4, 5, 9, or "5.死亡"-style text)
 *    or the name of a discharge way (医嘱离院, 转院, ...).
 * 3. Otherwise it is a flag column when its header says 是否死亡 (死亡, died), or when it holds
 *    a flag word (是/否, TRUE/FALSE) or both 0 and 1 (0 is no discharge-way code).
 * 4. A column whose numbers are only 1s says nothing: 1 is a death as a flag and discharge on
 *    medical advice as a discharge way, 100% against 0% mortality. It takes the encoding the
 *    other columns of the call were read with (the benchmark and the data together, and
 *    `alongside`), when they agree; else it is an error asking for `kind` or the header:
 *    a fill-down of 离院方式 = 1 over a department must not read as every case dead.
 * 5. A column with no 1 at all (0s, blanks, words) reads the same either way: a flag column.
 */
export function decideDiedKinds(columns: readonly DiedColumn[], decision: DiedDecision = {}): DiedKind[] {
  return settleKinds(columns.map(scanColumn), decision);
}

function settleKinds(scanned: readonly ScannedColumn[], decision: DiedDecision): DiedKind[] {
  if (decision.kind) return scanned.map(() => decision.kind as DiedKind);
  const decided = new Set<DiedKind>(decision.alongside ?? []);
  for (const s of scanned) if (s.evidence === "flag" || s.evidence === "dischargeWay") decided.add(s.evidence);
  return scanned.map((s) => {
    if (s.evidence === "flag" || s.evidence === "dischargeWay") return s.evidence;
    if (s.evidence === "none") return "flag";
    if (decided.size === 1) return decided.values().next().value as DiedKind;
    throw onlyOnesError(argOf(s.column), decision.kindOption);
  });
}

function onlyOnesError(argName: string, kindOption: string | undefined): CaseMixError {
  const how = kindOption
    ? {
        en: `give ${kindOption} ("flag" or "discharge_way"), or include the column's header (是否死亡 or 离院方式) in the range`,
        zh: `请提供 ${kindOption}（"flag" 或 "discharge_way"），或在区域中包含该列的表头（是否死亡 或 离院方式）`,
      }
    : {
        en: "name the column 是否死亡 (a died flag) or 离院方式 (a discharge-way code)",
        zh: "请将该列表头写为 是否死亡（死亡标志）或 离院方式（离院方式代码）",
      };
  return new CaseMixError("value", {
    en: `${argName}: every value is 1, which is a death as a died flag (100% mortality) but discharge on medical advice as a discharge-way code (离院方式, no death); ${how.en}`,
    zh: `${argName}：所有值都是 1，按死亡标志读为死亡（死亡率 100%），按离院方式代码读为医嘱离院（无死亡），无法判断；${how.zh}`,
  });
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

/** With counts, every cell is a number of deaths between 0 and the row's count. */
function readDeathCounts(column: DiedColumn, counts: ArrayLike<number>): Float64Array {
  const { values } = column;
  const argName = argOf(column);
  const firstRow = column.firstRow ?? 1;
  const deaths = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const raw = values[i];
    const v = cellNumber(raw);
    if (v === undefined) throw badDied(argName, i + firstRow, raw, "count");
    if (Number.isNaN(v)) continue;
    if (v < 0 || !Number.isInteger(v)) throw badDied(argName, i + firstRow, raw, "count");
    const c = counts[i];
    if (c === c && v > c) {
      throw new CaseMixError("value", {
        en: `${argName} row ${i + firstRow}: ${v} deaths but the row has only ${countOf(c, "case")}`,
        zh: `${argName} 第 ${i + firstRow} 行：死亡 ${v} 例，但该行只有 ${c} 例`,
      });
    }
    deaths[i] = v;
  }
  return deaths;
}

/** The deaths of a scanned column read as `kind`. */
function deathsOf(s: ScannedColumn, kind: DiedKind): Float64Array {
  const { readings, column } = s;
  const deaths = new Float64Array(readings.length);
  for (let i = 0; i < readings.length; i++) {
    const r = readings[i];
    if (r.kind === "blank" || r.kind === "bad") continue; // bad: unreachable, the scan threw
    if (r.kind === "word") {
      deaths[i] = r.died ? 1 : 0;
      continue;
    }
    const v = r.value;
    if (v === 0) continue;
    const row = i + (column.firstRow ?? 1);
    if (kind === "dischargeWay" || r.kind === "code") {
      if (!DISCHARGE_CODES.has(v)) throw badDied(argOf(column), row, column.values[i], "dischargeWay");
      deaths[i] = v === 5 ? 1 : 0;
    } else {
      if (v !== 1) throw badDied(argOf(column), row, column.values[i], "flag");
      deaths[i] = 1;
    }
  }
  return deaths;
}

/**
 * Reads the died columns of one call into deaths per row (0 or 1 per case; the number of
 * deaths with counts), their encodings decided together by `decideDiedKinds`.
 * - 0 and blank cells are never a death in either reading (Excel hands some empty cells over
 *   as 0, and a 是否死亡 column is often left blank for survivors).
 * - Words: 死亡, 是, TRUE, Y, yes, died are deaths; 否, 无, 存活, FALSE, N, no, and the names of
 *   the other discharge ways (医嘱离院, 转院, ...) are not.
 * - With `counts`, every cell must be a number of deaths between 0 and the row's count.
 *
 *     readDiedColumns([{ values: [1, 1] }, { values: [1, 5, 2] }]) // [0, 0] and [0, 1, 0]: discharge way
 */
export function readDiedColumns(
  columns: readonly DiedColumn[],
  decision: DiedDecision = {},
): { deaths: Float64Array; encoding: DiedEncoding }[] {
  const coded = columns.map((c, i) => ({ c, i })).filter(({ c }) => !c.counts);
  const scanned = coded.map(({ c }) => scanColumn(c));
  const kinds = settleKinds(scanned, decision);
  const out = new Array<{ deaths: Float64Array; encoding: DiedEncoding }>(columns.length);
  coded.forEach(({ i }, k) => (out[i] = { deaths: deathsOf(scanned[k], kinds[k]), encoding: kinds[k] }));
  columns.forEach((c, i) => {
    if (c.counts) out[i] = { deaths: readDeathCounts(c, c.counts), encoding: "count" };
  });
  return out;
}

/**
 * Reads one died column (the rules of `decideDiedKinds` and `readDiedColumns`).
 *
 *     readDied([0, 1, 1, 0]).deaths   // [0, 1, 1, 0] (flag: 0 and 1)
 *     readDied([1, 5, 2, 1]).deaths   // [0, 1, 0, 0] (discharge way: 2 and 5 occur)
 *     readDied([1, 1, 1])             // error: only 1s; give died_kind or the header
 *     readDied([1, 1], { header: "离院方式" }).deaths // [0, 0]
 *     readDied(["是", "否", true, "5.死亡"]).deaths // [1, 0, 1, 1]
 */
export function readDied(
  values: ArrayLike<unknown>,
  options: DiedOptions = {},
): { deaths: Float64Array; encoding: DiedEncoding } {
  const { kind, alongside, kindOption, ...column } = options;
  return readDiedColumns([{ ...column, values }], { kind, alongside, kindOption })[0];
}

// ---------------------------------------------------------------------------------------
// Risk levels
// ---------------------------------------------------------------------------------------

// RiskLevel is defined with the level tables (riskLevelTable.ts), which this module reads.
export type { RiskLevel } from "./riskLevelTable";

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
 * cases, from a benchmark such as a region, or a published table or low-risk list, see
 * riskLevelTable.ts). Only level-1 groups count; a group the levels do not know counts as
 * not low-risk and is reported in `casesWithoutLevel` (not for a list: unlisted groups are
 * known not to be low-risk).
 *
 *     // levels: GB11 level 1, ES21 level 3; cases GB11 x 4 (1 died), ES21 x 2 (1 died)
 *     lowRiskMortality(...).overall  // { cases: 4, deaths: 1, rate: 0.25 }
 */
export function lowRiskMortality(input: MortalityInput & { by?: Interned }, levels: RiskLookup): LowRiskResult {
  const { groups, deaths, counts, by } = input;
  const ids = groups.ids;
  // Level per interned group: 255 = unknown to the levels; 0 for a group a low-risk list leaves out.
  const levelById = new Uint8Array(groups.codes.length);
  groups.codes.forEach((code, g) => {
    const at = levels.index.get(code);
    levelById[g] = at !== undefined ? levels.level[at] : levels.exhaustive ? 0 : 255;
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
