/**
 * The findings of the audit, as data: kinds, tables, groups, weights and sizes. The words
 * of a finding are src/words/auditFindings.ts's (the engine returns no display text).
 *
 * Decision: a tie is not an inversion (two levels that weigh the same are not out of order);
 * every violating pair is its own finding, including pairs that skip a level (1 vs 5).
 */
import { compareCodes } from "../codes";
import { SeveritySystem, severityOf } from "../severityOrder";
import { largestChanges, WeightChange } from "./changes";
import { Neutrality } from "./neutrality";
import { AuditTable, unionCodes } from "./table";

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

export type AuditTableRole = "base" | "adjusted";

export interface Finding {
  kind: FindingKind;
  /** The table the finding is about (`adjusted` for neutrality and changes). */
  table: AuditTableRole;
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
  /** severityOrder only: the ranks of `levels` (severityOrder.ts's RANK_*) and their coding system. */
  ranks?: number[];
  system?: SeveritySystem;
  /** missingWeight, onlyIn*: the tables that list the group with a blank weight (base first). */
  blankIn?: AuditTableRole[];
  /**
   * severityOrder: how much lighter the more severe group is (w_less - w_more > 0);
   * largeChange and neutrality: the relative change (after / before - 1);
   * nonPositiveWeight: the weight; missingWeight, onlyIn*: the cases affected (0 without volume).
   */
  size: number;
  /** Cases of the volume in `groups` (neutrality: cases covered); absent without a volume. */
  cases?: number;
}

/** Cases of the volume in a group (0 when it has none); undefined without a volume. */
export type CasesOf = (code: string) => number | undefined;

/** The families (ADRG or MS-DRG family + system) with at least two ordered levels seen so far. */
export type FamilyKeys = Set<string>;

/** Groups of a table with an ordered severity and a weight, by family key. */
function orderedFamilies(table: AuditTable): Map<string, number[]> {
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
  return byFamily;
}

/** Every pair of a family where the more severe group weighs less; adds the families checked to `families`. */
export function severityFindings(
  table: AuditTable,
  which: AuditTableRole,
  casesOf: CasesOf,
  families: FamilyKeys,
): Finding[] {
  const byFamily = orderedFamilies(table);
  const out: Finding[] = [];
  const rankOf = (k: number) => table.severity[k]!.rank;
  for (const key of [...byFamily.keys()].sort(compareCodes)) {
    const members = byFamily.get(key)!;
    if (members.length < 2) continue;
    members.sort((x, y) => rankOf(y) - rankOf(x) || compareCodes(table.codes[x], table.codes[y]));
    if (rankOf(members[0]) !== rankOf(members[members.length - 1])) families.add(key);
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const hi = members[i];
        const lo = members[j];
        const wHi = table.weights[hi];
        const wLo = table.weights[lo];
        if (!(rankOf(hi) > rankOf(lo) && wHi < wLo)) continue; // a tie is not an inversion
        const sHi = table.severity[hi]!;
        const sLo = table.severity[lo]!;
        const a = table.codes[hi];
        const b = table.codes[lo];
        const cHi = casesOf(a);
        const cLo = casesOf(b);
        out.push({
          kind: "severityOrder",
          table: which,
          family: sHi.family,
          groups: [a, b],
          weights: [wHi, wLo],
          levels: [sHi.level, sLo.level],
          ranks: [sHi.rank, sLo.rank],
          system: sHi.system,
          size: wLo - wHi,
          cases: cHi === undefined || cLo === undefined ? undefined : cHi + cLo,
        });
      }
    }
  }
  return out;
}

/** The findings about single groups, by kind. */
export interface GroupFindings {
  missing: Finding[];
  nonPositive: Finding[];
  onlyBase: Finding[];
  onlyAdjusted: Finding[];
}

/** The family of a code: from the base table, else the adjusted one, else the code itself. */
function familyIn(base: AuditTable, adjusted: AuditTable | undefined, code: string): string {
  const at = base.index.get(code);
  if (at !== undefined) return base.severity[at]?.family ?? "";
  const at2 = adjusted?.index.get(code);
  if (adjusted && at2 !== undefined) return adjusted.severity[at2]?.family ?? "";
  return severityOf(code)?.family ?? "";
}

/**
 * Groups without a weight anywhere (listed blank, or only in the volume), with a weight in one
 * table only, and weighing zero or less; `volumeCodes` are the groups of the volume with cases.
 */
export function groupFindings(
  base: AuditTable,
  adjusted: AuditTable | undefined,
  casesOf: CasesOf,
  volumeCodes: readonly string[] | undefined,
): GroupFindings {
  const out: GroupFindings = { missing: [], nonPositive: [], onlyBase: [], onlyAdjusted: [] };
  const paired = adjusted !== undefined;
  for (const code of unionCodes(base, adjusted, volumeCodes)) {
    const bi = base.index.get(code);
    const ai = adjusted?.index.get(code);
    const wb = bi === undefined ? NaN : base.weights[bi];
    const wa = ai === undefined ? NaN : adjusted!.weights[ai];
    const hasB = wb === wb;
    const hasA = wa === wa;
    const cases = casesOf(code);
    const family = familyIn(base, adjusted, code);
    const finding = (kind: FindingKind, table: AuditTableRole, weights: number[]): Finding => ({
      kind,
      table,
      family,
      groups: [code],
      weights,
      size: cases ?? 0,
      cases,
    });
    // A code listed in a table without a weight there: blank.
    const blankIn: AuditTableRole[] = [];
    if (bi !== undefined && !hasB) blankIn.push("base");
    if (ai !== undefined && !hasA) blankIn.push("adjusted");
    if (!hasB && !(paired && hasA)) {
      const table = bi === undefined && ai !== undefined ? "adjusted" : "base";
      out.missing.push({ ...finding("missingWeight", table, []), blankIn });
    } else if (paired && hasB !== hasA) {
      const f = hasB ? finding("onlyInBase", "base", [wb]) : finding("onlyInAdjusted", "adjusted", [wa]);
      (hasB ? out.onlyBase : out.onlyAdjusted).push({ ...f, blankIn });
    }
    if (hasB && !(wb > 0)) out.nonPositive.push({ ...finding("nonPositiveWeight", "base", [wb]), size: wb });
    if (hasA && !(wa > 0)) out.nonPositive.push({ ...finding("nonPositiveWeight", "adjusted", [wa]), size: wa });
  }
  return out;
}

/** The `largest` largest relative changes (finite and not zero), largest first. */
export function changeFindings(changes: readonly WeightChange[], largest: number): Finding[] {
  return largestChanges(changes, largest).map((c) => ({
    kind: "largeChange",
    table: "adjusted",
    family: c.family,
    groups: [c.code],
    weights: [c.before, c.after],
    size: c.relative,
    cases: c.cases,
  }));
}

/** The total weight changed by more than the tolerance (the words read the rest from the neutrality). */
export function neutralityFinding(n: Neutrality): Finding {
  return {
    kind: "neutrality",
    table: "adjusted",
    family: "",
    groups: [],
    weights: [n.totalBefore, n.totalAfter],
    size: n.relativeChange,
    cases: n.weighting === "cases" ? n.casesCovered : undefined,
  };
}
