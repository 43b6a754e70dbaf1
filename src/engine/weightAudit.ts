/**
 * Weight-adjustment audit (权重调整审核, DOMAIN.md "Weight-adjustment audit").
 *
 * Audits a weight table alone, or a base table against an adjusted one, over an optional
 * case volume, and reports:
 * 1. severity-order violations inside each ADRG / MS-DRG family (`severityOrder.ts`), in
 *    both tables: a more severe group lighter than a less severe one. Decision: a tie is not
 *    an inversion (two levels that weigh the same are not out of order); every violating
 *    pair is its own finding, including pairs that skip a level (1 vs 5);
 * 2. neutrality: `before = sum_g n_g x RW_g`, `after = sum_g n_g x RW'_g` over the volume,
 *    `relative change = after / before - 1`, `restoring factor = before / after`. A case
 *    counts in both totals or in neither: cases of groups without a weight in both tables
 *    are left out and counted. Without a volume each group counts once (`weighting: "groups"`);
 * 3. the relative change of every group in both tables, largest first, and the groups with a
 *    weight in one table only, listed without a weight, or weighing zero or less;
 * 4. winners and losers: total weight and CMI per unit (hospital, level, department) before
 *    and after, when the volume rows carry a unit.
 *
 *     const result = auditWeights({
 *       base: { codes: ["GB11", "GB13", "GB15"], weights: [1.2, 1.5, 0.9] },
 *       adjusted: { codes: ["GB11", "GB13", "GB15"], weights: [2.0, 1.5, 0.9] },
 *     });
 *     result.findings[0].kind     // "neutrality": 3.6 before, 4.4 after, +22.22%
 *     result.neutrality.restoringFactor  // 3.6 / 4.4 = 0.8181...
 *     // base table: GB11 (MCC, 1.2) < GB13 (CC, 1.5) is a "severityOrder" finding
 */
import { compareCodes, Interned, normalizeCode, normalizeKey } from "./codes";
import { compareKeys, noSkips, SkippedRows } from "./grouping";
import { cellNumber, notANumber } from "./input";
import { Severity, severityLabel, severityOf } from "./severityOrder";
import { CaseMixError, countOf, Lang, Text } from "./text";
import { listedTwice } from "./weightTable";

export type FindingKind =
  | "neutrality"
  | "severityOrder"
  | "missingWeight"
  | "nonPositiveWeight"
  | "onlyInBase"
  | "onlyInAdjusted"
  | "largeChange";

/** The order in which the kinds are listed. */
export const FINDING_KINDS: readonly FindingKind[] = [
  "neutrality",
  "severityOrder",
  "missingWeight",
  "nonPositiveWeight",
  "onlyInBase",
  "onlyInAdjusted",
  "largeChange",
];

export const FINDING_LABELS: Record<FindingKind, Text> = {
  neutrality: { en: "total weight changed", zh: "总权重变化" },
  severityOrder: { en: "severity order", zh: "严重程度倒挂" },
  missingWeight: { en: "missing weight", zh: "缺少权重" },
  nonPositiveWeight: { en: "zero or negative weight", zh: "权重为零或负数" },
  onlyInBase: { en: "only in base table", zh: "仅见于调整前表" },
  onlyInAdjusted: { en: "only in adjusted table", zh: "仅见于调整后表" },
  largeChange: { en: "large change", zh: "调整幅度大" },
};

export interface Finding {
  kind: FindingKind;
  /** The table the finding is about (`adjusted` for neutrality and changes). */
  table: "base" | "adjusted";
  /** ADRG (CHS-DRG) or MS-DRG family of the groups; "" when the code is neither. */
  family: string;
  /**
   * severityOrder: [the more severe group, the less severe one], the first weighing less;
   * neutrality: []; every other kind: [the group].
   */
  groups: string[];
  /**
   * severityOrder: the weights of `groups`; largeChange: [before, after]; neutrality:
   * [total before, total after]; onlyIn*, nonPositiveWeight: [the weight]; missingWeight: [].
   */
  weights: number[];
  /** severityOrder only: the severity as written, e.g. ["1", "3"] or ["W MCC", "W CC"]. */
  levels?: string[];
  /**
   * severityOrder: how much lighter the more severe group is (w_less - w_more > 0);
   * largeChange and neutrality: the relative change (after / before - 1);
   * nonPositiveWeight: the weight; missingWeight, onlyIn*: the cases affected (0 without volume).
   */
  size: number;
  /** Cases of the volume in `groups` (neutrality: cases covered); absent without a volume. */
  cases?: number;
  detail: Text;
}

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

export interface VolumeInput {
  /** Group of each row: one row a case, or one row a group (or unit x group) with `counts`. */
  groups: Interned;
  /** Cases a row stands for (default 1); blank (NaN) or 0 skips the row, counted in `skipped.noCases`. */
  counts?: Float64Array;
  /** Unit of each row (hospital, hospital level, department) for winners and losers. */
  units?: Interned;
}

export interface AuditInput {
  base: TableInput;
  adjusted?: TableInput;
  volume?: VolumeInput;
}

export interface AuditOptions {
  /** How many of the largest relative changes become findings (default 10; 0 for none). */
  largestChanges?: number;
  /** A relative change of the total weight up to this is not a finding (default 0.001 = 0.1%). */
  neutralityTolerance?: number;
}

/** Plain totals of `neutrality()`. */
export interface NeutralityTotals {
  totalBefore: number;
  totalAfter: number;
  /** after / before - 1; NaN when the total before is 0. */
  relativeChange: number;
  /** before / after, the factor that brings the adjusted total back; NaN when the total after is 0. */
  restoringFactor: number;
  /** Cases (or groups) with a weight in both tables. */
  covered: number;
  /** Cases (or groups) left out because a weight is missing in either table. */
  uncovered: number;
}

export interface Neutrality {
  /** `cases`: over the volume; `groups`: no volume given, each group counted once. */
  weighting: "cases" | "groups";
  totalBefore: number;
  totalAfter: number;
  relativeChange: number;
  restoringFactor: number;
  /** Cases (each group once without a volume) counted in both totals. */
  casesCovered: number;
  /** Cases (groups without a volume) left out: their group lacks a weight in one table or both. */
  casesWithoutWeight: number;
  /** Those groups, sorted. */
  groupsWithoutWeight: string[];
}

export interface WeightChange {
  code: string;
  family: string;
  before: number;
  after: number;
  /** after - before. */
  change: number;
  /** after / before - 1; NaN when the weight before is 0 or less. */
  relative: number;
  /** Cases of the volume in the group; absent without a volume. */
  cases?: number;
}

export interface UnitChange {
  unit: string;
  /** Cases of the unit with a weight in both tables. */
  cases: number;
  /** Cases of the unit left out because their group lacks a weight in one table. */
  casesWithoutWeight: number;
  totalWeightBefore: number;
  totalWeightAfter: number;
  /** NaN when the unit has no covered case. */
  cmiBefore: number;
  cmiAfter: number;
  /** after / before - 1 of the unit's total weight (= of its CMI); NaN when before is 0. */
  change: number;
  /** The same once the adjusted table is rescaled to neutrality: who gains at a constant total. */
  changeAtNeutral: number;
}

export interface AuditResult {
  /** In the order of FINDING_KINDS; inside a kind by table, family and code (largeChange: largest first). */
  findings: Finding[];
  /** Only with an adjusted table. */
  neutrality?: Neutrality;
  /** Every group weighed in both tables, by |relative| descending (NaN last), then code. */
  changes: WeightChange[];
  /** Only with an adjusted table and volume units: by change descending (winners first, NaN last). */
  units?: UnitChange[];
  checked: {
    baseGroups: number;
    adjustedGroups?: number;
    /** Families (ADRGs, MS-DRG families) with at least two ordered levels, over both tables. */
    families: number;
    /** Cases of the volume (after skips); absent without a volume. */
    volumeCases?: number;
  };
  /** Volume rows skipped (empty group, blank or 0 count, empty unit for the unit table). */
  volumeSkipped?: SkippedRows;
}

// ---------------------------------------------------------------------------------------
// Tables

export interface AuditTable {
  codes: string[];
  /** NaN where the code is listed without a weight. Zero and negative weights are kept. */
  weights: Float64Array;
  names: string[];
  severity: (Severity | undefined)[];
  index: Map<string, number>;
}

/**
 * Reads a table for the audit. Unlike `weightTable`, blank, zero and negative weights are
 * kept (they are findings, not errors); text that is not a number is an error naming the
 * row, and so is a code listed twice with different weights.
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

// ---------------------------------------------------------------------------------------
// Neutrality

/**
 * Totals of two weight columns over per-group case counts (default 1 each). Groups whose
 * count is blank or 0 are skipped; groups with a NaN weight on either side are left out
 * of both totals and counted in `uncovered`.
 *
 *     neutrality([1, 2, 0.5], [1.1, 2.4, 0.5], [10, 5, 20])
 *     // before = 10 + 10 + 10 = 30, after = 11 + 12 + 10 = 33,
 *     // relativeChange = 0.1, restoringFactor = 30 / 33 = 0.9090...
 */
export function neutrality(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  counts?: ArrayLike<number>,
): NeutralityTotals {
  let totalBefore = 0;
  let totalAfter = 0;
  let covered = 0;
  let uncovered = 0;
  for (let i = 0; i < before.length; i++) {
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) continue;
    const b = before[i];
    const a = after[i];
    if (b !== b || a !== a) {
      uncovered += c;
      continue;
    }
    totalBefore += c * b;
    totalAfter += c * a;
    covered += c;
  }
  return {
    totalBefore,
    totalAfter,
    relativeChange: totalBefore !== 0 ? totalAfter / totalBefore - 1 : NaN,
    restoringFactor: totalAfter !== 0 ? totalBefore / totalAfter : NaN,
    covered,
    uncovered,
  };
}

/**
 * The adjusted weights multiplied by the factor that restores the total of `before`
 * (see `neutrality`); NaN weights stay NaN. An error when the adjusted total is 0.
 *
 *     rescaleToNeutral([1, 2], [1, 3], [1, 1])  // factor 3 / 4: [0.75, 2.25]
 */
export function rescaleToNeutral(
  before: ArrayLike<number>,
  after: ArrayLike<number>,
  counts?: ArrayLike<number>,
): Float64Array {
  return rescaleBy(after, neutrality(before, after, counts).restoringFactor);
}

function rescaleBy(after: ArrayLike<number>, factor: number): Float64Array {
  if (!Number.isFinite(factor)) throw noRestoringFactor();
  const out = new Float64Array(after.length);
  for (let i = 0; i < after.length; i++) out[i] = after[i] * factor;
  return out;
}

function noRestoringFactor(): CaseMixError {
  return new CaseMixError("div0", {
    en: "the adjusted total weight is 0 (no case has a weight in both tables): there is no factor that restores the base total",
    zh: "调整后总权重为 0（没有病例在两表中都有权重），无法求得还原总权重的系数",
  });
}

/** Cases per distinct volume group, and the rows skipped. */
interface VolumeSums {
  cases: Float64Array;
  total: number;
  skipped: SkippedRows;
  byCode: Map<string, number>;
}

function sumVolume(volume: VolumeInput): VolumeSums {
  const { ids, codes } = volume.groups;
  const counts = volume.counts;
  const units = volume.units;
  if (counts && counts.length !== ids.length) throw volumeSizeError("counts", counts.length, ids.length);
  if (units && units.ids.length !== ids.length) throw volumeSizeError("units", units.ids.length, ids.length);
  const cases = new Float64Array(codes.length);
  const skipped = noSkips();
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) {
      skipped.emptyGroup++;
      continue;
    }
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) {
      skipped.noCases++;
      continue;
    }
    cases[g] += c;
    total += c;
  }
  const byCode = new Map<string, number>();
  for (let g = 0; g < codes.length; g++) byCode.set(codes[g], g);
  return { cases, total, skipped, byCode };
}

function volumeSizeError(what: string, got: number, want: number): CaseMixError {
  return new CaseMixError("value", {
    en: `volume: the ${what} have ${got} rows but the groups have ${want}; they must be the same size`,
    zh: `volume：${what === "counts" ? "病例数" : "单位"}有 ${got} 行，而病组有 ${want} 行，大小必须相同`,
  });
}

/** Weight of each code of `codes` in `table`, NaN when absent or blank. */
function lookup(codes: readonly string[], table: AuditTable): Float64Array {
  const out = new Float64Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const at = table.index.get(codes[i]);
    out[i] = at === undefined ? NaN : table.weights[at];
  }
  return out;
}

/** The codes of either table, sorted. */
function unionCodes(base: AuditTable, adjusted?: AuditTable, extra?: readonly string[]): string[] {
  const all = new Set(base.codes);
  if (adjusted) for (const c of adjusted.codes) all.add(c);
  if (extra) for (const c of extra) all.add(c);
  return [...all].sort(compareCodes);
}

function neutralityFrom(
  base: AuditTable,
  adjusted: AuditTable,
  sums: VolumeSums | undefined,
  volumeCodes: readonly string[] | undefined,
): Neutrality {
  const codes = sums ? volumeCodes! : unionCodes(base, adjusted);
  const before = lookup(codes, base);
  const after = lookup(codes, adjusted);
  const counts = sums?.cases;
  const t = neutrality(before, after, counts);
  const groupsWithoutWeight: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    if ((counts ? counts[i] > 0 : true) && (before[i] !== before[i] || after[i] !== after[i])) {
      groupsWithoutWeight.push(codes[i]);
    }
  }
  groupsWithoutWeight.sort(compareCodes);
  return {
    weighting: sums ? "cases" : "groups",
    totalBefore: t.totalBefore,
    totalAfter: t.totalAfter,
    relativeChange: t.relativeChange,
    restoringFactor: t.restoringFactor,
    casesCovered: t.covered,
    casesWithoutWeight: t.uncovered,
    groupsWithoutWeight,
  };
}

/**
 * Neutrality of an adjusted table against a base table over a volume (each group once
 * without one). See the module comment for the formulas.
 */
export function tableNeutrality(base: AuditTable, adjusted: AuditTable, volume?: VolumeInput): Neutrality {
  const sums = volume ? sumVolume(volume) : undefined;
  return neutralityFrom(base, adjusted, sums, volume?.groups.codes);
}

/**
 * The adjusted weights of `adjusted.codes` (in its order) multiplied by the restoring
 * factor of `tableNeutrality`; NaN where the adjusted table has no weight.
 */
export function rescaleTable(
  base: AuditTable,
  adjusted: AuditTable,
  volume?: VolumeInput,
): { weights: Float64Array; neutrality: Neutrality } {
  const n = tableNeutrality(base, adjusted, volume);
  return { weights: rescaleBy(adjusted.weights, n.restoringFactor), neutrality: n };
}

// ---------------------------------------------------------------------------------------
// Formatting shared by the findings, the functions and the command line

/**
 * Weights as text with six significant digits, more when two different weights of the list
 * would otherwise read the same. Non-finite values give "".
 *
 *     formatWeights([0.5372, 0.7392])   // ["0.5372", "0.7392"]
 *     formatWeights([1.0000001, 1])      // ["1.0000001", "1"]
 */
export function formatWeights(weights: readonly number[]): string[] {
  let out: string[] = [];
  for (let p = 6; p <= 17; p++) {
    out = weights.map((w) => (Number.isFinite(w) ? String(Number(w.toPrecision(p))) : ""));
    let distinct = true;
    for (let i = 0; i < weights.length && distinct; i++) {
      for (let j = i + 1; j < weights.length; j++) {
        if (weights[i] !== weights[j] && out[i] === out[j]) {
          distinct = false;
          break;
        }
      }
    }
    if (distinct) break;
  }
  return out;
}

function fmtTotal(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toFixed(4))) : "-";
}

function fmtFactor(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(8))) : "-";
}

function fmtPercent(r: number): string {
  if (!Number.isFinite(r)) return "-";
  const p = (r * 100).toFixed(2);
  return (r > 0 ? "+" : "") + p + "%";
}

/**
 * The spill row of a finding in one language: kind, family, groups, weights, detail.
 * Severity pairs read "JR11 < JR13" and "0.5372 < 0.7392"; changes "1.2 → 1.5".
 */
export function findingRow(f: Finding, lang: Lang): [string, string, string, string, string] {
  const ws = formatWeights(f.weights);
  let groups = f.groups.join(", ");
  let weights = ws.join(", ");
  if (f.kind === "severityOrder") {
    groups = f.groups.join(" < ");
    weights = ws.join(" < ");
  } else if (f.kind === "largeChange" || f.kind === "neutrality") {
    weights = ws.join(" → ");
  }
  return [FINDING_LABELS[f.kind][lang], f.family, groups, weights, f.detail[lang]];
}

/** The one row shown when an audit finds nothing, saying what was checked. */
export function noFindingsRow(result: AuditResult, lang: Lang): [string, string, string, string, string] {
  const c = result.checked;
  const n = result.neutrality;
  const en =
    countOf(c.baseGroups, "group") +
    (c.adjustedGroups !== undefined ? ` (adjusted table: ${c.adjustedGroups})` : "") +
    `, ${countOf(c.families, "family", "families")} checked: severity order respected, every weight present and positive` +
    (n ? `, total weight ${fmtPercent(n.relativeChange)}, within tolerance` : "");
  const zh =
    `已检查 ${c.baseGroups} 个病组` +
    (c.adjustedGroups !== undefined ? `（调整后表 ${c.adjustedGroups} 个）` : "") +
    `、${c.families} 个核心组/病组族：严重程度顺序正确，权重齐全且为正` +
    (n ? `，总权重变化 ${fmtPercent(n.relativeChange)}，在容许范围内` : "");
  return [lang === "zh" ? "未发现问题" : "no findings", "", "", "", lang === "zh" ? zh : en];
}

// ---------------------------------------------------------------------------------------
// The audit

function tableLabel(which: "base" | "adjusted", paired: boolean): Text {
  if (which === "adjusted") return { en: "the adjusted table", zh: "调整后权重表" };
  return paired ? { en: "the base table", zh: "调整前权重表" } : { en: "the table", zh: "权重表" };
}

function levelLabel(s: Severity): Text {
  if (s.system === "ms") return { en: s.level, zh: s.level };
  const l = severityLabel(s.rank);
  return { en: `${s.level}: ${l.en}`, zh: `${s.level}：${l.zh}` };
}

function casesText(cases: number | undefined): Text {
  return cases === undefined ? { en: "", zh: "" } : { en: `; ${countOf(cases, "case")}`, zh: `；${cases} 例` };
}

interface FamilyCount {
  keys: Set<string>;
}

function severityFindings(
  table: AuditTable,
  which: "base" | "adjusted",
  paired: boolean,
  casesOf: (code: string) => number | undefined,
  families: FamilyCount,
): Finding[] {
  const byFamily = new Map<string, number[]>();
  for (let k = 0; k < table.codes.length; k++) {
    const s = table.severity[k];
    const w = table.weights[k];
    if (!s || s.rank === 0 || w !== w) continue;
    const key = `${s.family}\u0001${s.system}`;
    let members = byFamily.get(key);
    if (!members) byFamily.set(key, (members = []));
    members.push(k);
  }
  const out: Finding[] = [];
  const label = tableLabel(which, paired);
  for (const key of [...byFamily.keys()].sort(compareCodes)) {
    const members = byFamily.get(key)!;
    if (members.length < 2) continue;
    const rankOf = (k: number) => table.severity[k]!.rank;
    members.sort((x, y) => rankOf(y) - rankOf(x) || compareCodes(table.codes[x], table.codes[y]));
    if (rankOf(members[0]) !== rankOf(members[members.length - 1])) families.keys.add(key);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const hi = members[i];
        const lo = members[j];
        const wHi = table.weights[hi];
        const wLo = table.weights[lo];
        if (!(rankOf(hi) > rankOf(lo) && wHi < wLo)) continue; // a tie is not an inversion
        const sHi = table.severity[hi]!;
        const sLo = table.severity[lo]!;
        const [fHi, fLo] = formatWeights([wHi, wLo]);
        const diff = wLo - wHi;
        const [fDiff] = formatWeights([diff]);
        const share = fmtPercent(diff / wLo).replace("+", "");
        const a = table.codes[hi];
        const b = table.codes[lo];
        const cHi = casesOf(a);
        const cLo = casesOf(b);
        const cases = cHi === undefined || cLo === undefined ? undefined : cHi + cLo;
        const lHi = levelLabel(sHi);
        const lLo = levelLabel(sLo);
        const ct = casesText(cases);
        out.push({
          kind: "severityOrder",
          table: which,
          family: sHi.family,
          groups: [a, b],
          weights: [wHi, wLo],
          levels: [sHi.level, sLo.level],
          size: diff,
          cases,
          detail: {
            en: `in ${label.en}, ${a} (${lHi.en}, ${fHi}) weighs less than ${b} (${lLo.en}, ${fLo}): ${fDiff} lighter (${share})${ct.en}`,
            zh: `${label.zh}中 ${a}（${lHi.zh}，${fHi}）的权重低于 ${b}（${lLo.zh}，${fLo}），低 ${fDiff}（${share}）${ct.zh}`,
          },
        });
      }
    }
  }
  return out;
}

/**
 * Audits a weight table (and an adjusted one, over a volume). See the module comment.
 *
 *     auditWeights({ base: { codes: ["JR11", "JR13", "JR15"], weights: [0.5372, 0.7392, 0.7554] } })
 *       .findings.map((f) => f.groups.join(" < "))
 *     // ["JR11 < JR13", "JR11 < JR15", "JR13 < JR15"]
 */
export function auditWeights(input: AuditInput, options: AuditOptions = {}): AuditResult {
  const largest = options.largestChanges ?? 10;
  const tolerance = options.neutralityTolerance ?? 0.001;
  const base = auditTable(input.base, "weights");
  const adjusted = input.adjusted ? auditTable(input.adjusted, "adjusted") : undefined;
  const paired = adjusted !== undefined;
  const volume = input.volume;
  const sums = volume ? sumVolume(volume) : undefined;
  const casesOf = (code: string): number | undefined => {
    if (!sums) return undefined;
    const g = sums.byCode.get(code);
    return g === undefined ? 0 : sums.cases[g];
  };

  const families: FamilyCount = { keys: new Set() };
  const severity = severityFindings(base, "base", paired, casesOf, families);
  if (adjusted) severity.push(...severityFindings(adjusted, "adjusted", paired, casesOf, families));

  // Groups: missing, zero or negative, in one table only.
  const volumeCodes = volume?.groups.codes;
  const withCases = volumeCodes && sums ? volumeCodes.filter((_, g) => sums.cases[g] > 0) : undefined;
  const missing: Finding[] = [];
  const nonPositive: Finding[] = [];
  const onlyBase: Finding[] = [];
  const onlyAdjusted: Finding[] = [];
  const familyOf = (code: string): string => {
    const at = base.index.get(code);
    if (at !== undefined) return base.severity[at]?.family ?? "";
    const at2 = adjusted?.index.get(code);
    if (adjusted && at2 !== undefined) return adjusted.severity[at2]?.family ?? "";
    return severityOf(code)?.family ?? "";
  };
  const baseLabel = tableLabel("base", paired);
  const adjLabel = tableLabel("adjusted", paired);
  for (const code of unionCodes(base, adjusted, withCases)) {
    const bi = base.index.get(code);
    const ai = adjusted?.index.get(code);
    const wb = bi === undefined ? NaN : base.weights[bi];
    const wa = ai === undefined ? NaN : adjusted!.weights[ai];
    const hasB = wb === wb;
    const hasA = wa === wa;
    const cases = casesOf(code);
    const ct = casesText(cases);
    const family = familyOf(code);
    const groupFinding = (kind: FindingKind, table: "base" | "adjusted", weights: number[], detail: Text): Finding => ({
      kind,
      table,
      family,
      groups: [code],
      weights,
      size: cases ?? 0,
      cases,
      detail,
    });
    if (!hasB && !(paired && hasA)) {
      // No weight anywhere: listed blank in one table or both, or only in the volume.
      let where: Text;
      if (bi !== undefined && ai !== undefined) {
        where = { en: "is listed without a weight in both tables", zh: "在两张表中都列出但没有权重" };
      } else if (bi !== undefined) {
        where = paired
          ? {
              en: `is listed without a weight in ${baseLabel.en} and is not in ${adjLabel.en}`,
              zh: `在${baseLabel.zh}中列出但没有权重，且不在${adjLabel.zh}中`,
            }
          : { en: `is listed without a weight in ${baseLabel.en}`, zh: `在${baseLabel.zh}中列出但没有权重` };
      } else if (ai !== undefined) {
        where = {
          en: `is listed without a weight in ${adjLabel.en} and is not in ${baseLabel.en}`,
          zh: `在${adjLabel.zh}中列出但没有权重，且不在${baseLabel.zh}中`,
        };
      } else {
        where = { en: "has cases in the volume but is in no table", zh: "在病例量中有病例，但不在任何权重表中" };
      }
      missing.push(
        groupFinding("missingWeight", bi === undefined && ai !== undefined ? "adjusted" : "base", [], {
          en: `${code} ${where.en}${ct.en}`,
          zh: `${code} ${where.zh}${ct.zh}`,
        }),
      );
    } else if (paired && hasB !== hasA) {
      // A weight in one table only: say whether the other lists the code blank or not at all.
      const inBase = hasB;
      const [label, other] = inBase ? [baseLabel, adjLabel] : [adjLabel, baseLabel];
      const listedInOther = (inBase ? ai : bi) !== undefined;
      const why: Text = listedInOther
        ? { en: `is listed without a weight in ${other.en}`, zh: `在${other.zh}中没有权重` }
        : { en: `is not in ${other.en}`, zh: `不在${other.zh}中` };
      const w = inBase ? wb : wa;
      const [fw] = formatWeights([w]);
      (inBase ? onlyBase : onlyAdjusted).push(
        groupFinding(inBase ? "onlyInBase" : "onlyInAdjusted", inBase ? "base" : "adjusted", [w], {
          en: `${code} (${fw} in ${label.en}) ${why.en}${ct.en}`,
          zh: `${code}（${label.zh}中为 ${fw}）${why.zh}${ct.zh}`,
        }),
      );
    }
    for (const [has, w, which, label] of [
      [hasB, wb, "base", baseLabel],
      [hasA, wa, "adjusted", adjLabel],
    ] as [boolean, number, "base" | "adjusted", Text][]) {
      if (!has || w > 0) continue;
      const [fw] = formatWeights([w]);
      nonPositive.push({
        ...groupFinding("nonPositiveWeight", which, [w], {
          en: `${code} weighs ${fw} in ${label.en}; a weight must be above 0${ct.en}`,
          zh: `${code} 在${label.zh}中的权重为 ${fw}，权重应大于 0${ct.zh}`,
        }),
        size: w,
      });
    }
  }

  // Changes, neutrality, units.
  const changes: WeightChange[] = [];
  let neutral: Neutrality | undefined;
  let units: UnitChange[] | undefined;
  const neutralFindings: Finding[] = [];
  const changeFindings: Finding[] = [];
  if (adjusted) {
    for (let k = 0; k < base.codes.length; k++) {
      const code = base.codes[k];
      const before = base.weights[k];
      const ai = adjusted.index.get(code);
      if (ai === undefined || before !== before) continue;
      const after = adjusted.weights[ai];
      if (after !== after) continue;
      const change: WeightChange = {
        code,
        family: base.severity[k]?.family ?? "",
        before,
        after,
        change: after - before,
        relative: before > 0 ? after / before - 1 : NaN,
      };
      const cases = casesOf(code);
      if (cases !== undefined) change.cases = cases;
      changes.push(change);
    }
    changes.sort((x, y) => {
      const ax = Math.abs(x.relative);
      const ay = Math.abs(y.relative);
      if (ax !== ax || ay !== ay) return ax !== ax ? (ay !== ay ? compareCodes(x.code, y.code) : 1) : -1;
      return ay - ax || compareCodes(x.code, y.code);
    });
    for (const c of changes) {
      if (changeFindings.length >= largest) break;
      if (!(c.relative !== 0 && Number.isFinite(c.relative))) continue;
      const [fb, fa] = formatWeights([c.before, c.after]);
      const extra: Text =
        c.cases === undefined
          ? { en: "", zh: "" }
          : {
              en: `; ${countOf(c.cases, "case")}, total weight ${c.change * c.cases >= 0 ? "+" : ""}${fmtTotal(c.change * c.cases)}`,
              zh: `；${c.cases} 例，总权重 ${c.change * c.cases >= 0 ? "+" : ""}${fmtTotal(c.change * c.cases)}`,
            };
      changeFindings.push({
        kind: "largeChange",
        table: "adjusted",
        family: c.family,
        groups: [c.code],
        weights: [c.before, c.after],
        size: c.relative,
        cases: c.cases,
        detail: {
          en: `${c.code}: ${fb} → ${fa} (${fmtPercent(c.relative)})${extra.en}`,
          zh: `${c.code}：${fb} → ${fa}（${fmtPercent(c.relative)}）${extra.zh}`,
        },
      });
    }

    neutral = neutralityFrom(base, adjusted, sums, volumeCodes);
    if (!(Math.abs(neutral.relativeChange) <= tolerance)) neutralFindings.push(neutralityFinding(neutral));
    if (volume?.units && sums) units = unitChanges(base, adjusted, volume, sums, neutral.restoringFactor);
  }

  const findings = [
    ...neutralFindings,
    ...severity,
    ...missing,
    ...nonPositive,
    ...onlyBase,
    ...onlyAdjusted,
    ...changeFindings,
  ];
  const result: AuditResult = {
    findings,
    changes,
    checked: { baseGroups: base.codes.length, families: families.keys.size },
  };
  if (adjusted) result.checked.adjustedGroups = adjusted.codes.length;
  if (neutral) result.neutrality = neutral;
  if (units) result.units = units;
  if (sums) {
    result.checked.volumeCases = sums.total;
    result.volumeSkipped = sums.skipped;
  }
  return result;
}

function neutralityFinding(n: Neutrality): Finding {
  const byCases = n.weighting === "cases";
  const over: Text = byCases
    ? { en: `over ${countOf(n.casesCovered, "case")}`, zh: `按 ${n.casesCovered} 例计算，` }
    : { en: "with each group counted once (no volume given)", zh: "未提供病例量，每个病组按 1 例计，" };
  const left: Text =
    n.casesWithoutWeight > 0
      ? byCases
        ? {
            en: `; ${countOf(n.casesWithoutWeight, "case")} in ${countOf(n.groupsWithoutWeight.length, "group")} not weighed in both tables ${n.casesWithoutWeight === 1 ? "is" : "are"} left out`,
            zh: `；${n.groupsWithoutWeight.length} 个病组的 ${n.casesWithoutWeight} 例在两表中不都有权重，未计入`,
          }
        : {
            en: `; ${countOf(n.groupsWithoutWeight.length, "group")} not weighed in both tables ${n.groupsWithoutWeight.length === 1 ? "is" : "are"} left out`,
            zh: `；${n.groupsWithoutWeight.length} 个病组在两表中不都有权重，未计入`,
          }
      : { en: "", zh: "" };
  let detail: Text;
  if (!Number.isFinite(n.relativeChange) || !Number.isFinite(n.restoringFactor)) {
    detail = {
      en: `the totals cannot be compared: ${fmtTotal(n.totalBefore)} before, ${fmtTotal(n.totalAfter)} after ${over.en}${left.en}`,
      zh: `${over.zh}调整前总权重 ${fmtTotal(n.totalBefore)}，调整后 ${fmtTotal(n.totalAfter)}，无法比较${left.zh}`,
    };
  } else {
    detail = {
      en:
        `total weight ${over.en}: ${fmtTotal(n.totalBefore)} before, ${fmtTotal(n.totalAfter)} after ` +
        `(${fmtPercent(n.relativeChange)}); multiply the adjusted weights by ${fmtFactor(n.restoringFactor)} to restore it${left.en}`,
      zh:
        `${over.zh}调整前总权重 ${fmtTotal(n.totalBefore)}，调整后 ${fmtTotal(n.totalAfter)}（${fmtPercent(n.relativeChange)}）；` +
        `调整后权重乘以 ${fmtFactor(n.restoringFactor)} 可还原总权重${left.zh}`,
    };
  }
  return {
    kind: "neutrality",
    table: "adjusted",
    family: "",
    groups: [],
    weights: [n.totalBefore, n.totalAfter],
    size: n.relativeChange,
    cases: byCases ? n.casesCovered : undefined,
    detail,
  };
}

function unitChanges(
  base: AuditTable,
  adjusted: AuditTable,
  volume: VolumeInput,
  sums: VolumeSums,
  factor: number,
): UnitChange[] {
  const units = volume.units!;
  const gCodes = volume.groups.codes;
  const before = lookup(gCodes, base);
  const after = lookup(gCodes, adjusted);
  const nUnits = units.codes.length;
  const cases = new Float64Array(nUnits);
  const missing = new Float64Array(nUnits);
  const tb = new Float64Array(nUnits);
  const ta = new Float64Array(nUnits);
  const { ids } = volume.groups;
  const uIds = units.ids;
  const counts = volume.counts;
  for (let i = 0; i < ids.length; i++) {
    const g = ids[i];
    if (g < 0) continue;
    const c = counts ? counts[i] : 1;
    if (!(c > 0)) continue;
    const u = uIds[i];
    if (u < 0) {
      sums.skipped.emptyKey++;
      continue;
    }
    const b = before[g];
    const a = after[g];
    if (b !== b || a !== a) {
      missing[u] += c;
      continue;
    }
    cases[u] += c;
    tb[u] += c * b;
    ta[u] += c * a;
  }
  const rows: UnitChange[] = [];
  for (let u = 0; u < nUnits; u++) {
    if (cases[u] === 0 && missing[u] === 0) continue;
    rows.push({
      unit: units.codes[u],
      cases: cases[u],
      casesWithoutWeight: missing[u],
      totalWeightBefore: tb[u],
      totalWeightAfter: ta[u],
      cmiBefore: cases[u] > 0 ? tb[u] / cases[u] : NaN,
      cmiAfter: cases[u] > 0 ? ta[u] / cases[u] : NaN,
      change: tb[u] !== 0 ? ta[u] / tb[u] - 1 : NaN,
      changeAtNeutral: tb[u] !== 0 && Number.isFinite(factor) ? (ta[u] * factor) / tb[u] - 1 : NaN,
    });
  }
  rows.sort((x, y) => {
    const nx = x.change !== x.change;
    const ny = y.change !== y.change;
    if (nx || ny) return nx === ny ? compareKeys(x.unit, y.unit) : nx ? 1 : -1;
    return y.change - x.change || compareKeys(x.unit, y.unit);
  });
  return rows;
}
