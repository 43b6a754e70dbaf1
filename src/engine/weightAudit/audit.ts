/**
 * Weight-adjustment audit (权重调整审核, DOMAIN.md "Weight-adjustment audit").
 *
 * Audits a weight table alone, or a base table against an adjusted one, over an optional
 * case volume, and reports as data (the words are src/words/auditFindings.ts's):
 * 1. severity-order violations inside each ADRG / MS-DRG family (`severityOrder.ts`), in
 *    both tables: a more severe group lighter than a less severe one (`findings.ts`);
 * 2. neutrality of the total weight over the volume (`neutrality.ts`);
 * 3. the relative change of every group in both tables, largest first (`changes.ts`), and
 *    the groups with a weight in one table only, listed without a weight, or weighing zero or less;
 * 4. winners and losers: total weight and CMI per unit (hospital, level, department) before
 *    and after, when the volume rows carry a unit (`units.ts`).
 *
 *     const result = auditWeights({
 *       base: { codes: ["GB11", "GB13", "GB15"], weights: [1.2, 1.5, 0.9] },
 *       adjusted: { codes: ["GB11", "GB13", "GB15"], weights: [2.0, 1.5, 0.9] },
 *     });
 *     result.findings[0].kind     // "neutrality": 3.6 before, 4.4 after, +22.22%
 *     result.neutrality.restoringFactor  // 3.6 / 4.4 = 0.8181...
 *     // base table: GB11 (MCC, 1.2) < GB13 (CC, 1.5) is a "severityOrder" finding
 */
import { SkippedRows } from "../grouping";
import { CatalogueComparison, compareCatalogues, DEFAULT_CATALOGUE_OVERLAP } from "./catalogue";
import { WeightChange, weightChanges } from "./changes";
import {
  CasesOf,
  changeFindings,
  FamilyKeys,
  Finding,
  groupFindings,
  neutralityFinding,
  severityFindings,
} from "./findings";
import { Neutrality, neutralityFrom } from "./neutrality";
import { auditTable, TableInput } from "./table";
import { UnitChange, unitChanges } from "./units";
import { sumVolume, VolumeInput } from "./volume";

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
  /** Under this share of the smaller table's codes in common, the tables look like different versions (0.8). */
  catalogueOverlap?: number;
}

export interface AuditResult {
  /** In the order of FINDING_KINDS; inside a kind by table, family and code (largeChange: largest first). */
  findings: Finding[];
  /** Only with an adjusted table. */
  neutrality?: Neutrality;
  /** Only with an adjusted table: the codes in common and in one table only. */
  catalogue?: CatalogueComparison;
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
  const volume = input.volume;
  const sums = volume ? sumVolume(volume) : undefined;
  const casesOf: CasesOf = (code) => {
    if (!sums) return undefined;
    const g = sums.byCode.get(code);
    return g === undefined ? 0 : sums.cases[g];
  };

  const families: FamilyKeys = new Set();
  const severity = severityFindings(base, "base", casesOf, families);
  if (adjusted) severity.push(...severityFindings(adjusted, "adjusted", casesOf, families));
  const volumeCodes = volume?.groups.codes;
  const withCases = volumeCodes && sums ? volumeCodes.filter((_, g) => sums.cases[g] > 0) : undefined;
  const groups = groupFindings(base, adjusted, casesOf, withCases);

  const result: AuditResult = {
    findings: [],
    changes: [],
    checked: { baseGroups: base.codes.length, families: families.size },
  };
  let changed: Finding[] = [];
  if (adjusted) {
    result.changes = weightChanges(base, adjusted, casesOf);
    changed = changeFindings(result.changes, largest);
    const neutral = neutralityFrom(base, adjusted, sums, volumeCodes);
    result.neutrality = neutral;
    if (volume?.units && sums) result.units = unitChanges(base, adjusted, volume, sums, neutral.restoringFactor);
    result.checked.adjustedGroups = adjusted.codes.length;
    result.catalogue = compareCatalogues(
      base.codes,
      adjusted.codes,
      options.catalogueOverlap ?? DEFAULT_CATALOGUE_OVERLAP,
    );
  }
  const n = result.neutrality;
  result.findings = [
    ...(n && !(Math.abs(n.relativeChange) <= tolerance) ? [neutralityFinding(n)] : []),
    ...severity,
    ...groups.missing,
    ...groups.nonPositive,
    ...groups.onlyBase,
    ...groups.onlyAdjusted,
    ...changed,
  ];
  if (sums) {
    result.checked.volumeCases = sums.total;
    result.volumeSkipped = sums.skipped;
  }
  return result;
}
