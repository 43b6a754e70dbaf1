/**
 * The policy-tilt simulation of the audit (DOMAIN.md "DRG payment: profit and loss per group",
 * "Policy tilt"): with a tilt rule and no adjusted table, the adjusted table is the base table
 * tilted and rescaled (`weightTilt`), so that the audit's neutrality, largest changes and
 * winners and losers show the tilt's effect.
 *
 *     tilted_g = RW_g x t_g (t_g of the first matching clause, else 1)
 *     f = sum_g n_g x RW_g / sum_g n_g x tilted_g;   after_g = f x tilted_g
 *
 * n_g the cases of g in the volume (each group of the base table once without one; a group
 * the volume lacks counts 0). Groups listed without a weight stay without one and match no clause.
 *
 * Example: A 1, B 2 (no volume), rule "rw>=2: 1.1": B matches; tilted 1 + 2.2 = 3.2;
 * f = 3 / 3.2 = 0.9375; after A 0.9375, B 2.0625 (total 3 as before).
 */
import { compareCodes } from "../../engine/codes";
import { AuditTableSource, AuditVolumeSource } from "../../engine/weightAudit/fromGrid";
import { neutrality } from "../../engine/weightAudit/neutrality";
import { auditTable } from "../../engine/weightAudit/table";
import { sumVolume } from "../../engine/weightAudit/volume";
import { ruleMatches, tiltRule, weightTilt } from "../../engine/weightTilt";

export interface TiltClauseGroups {
  /** The clause as written. */
  clause: string;
  factor: number;
  /** The weighted groups it matched (first matching clause wins), in code order. */
  groups: string[];
}

export interface AuditTilt {
  rule: string;
  clauses: TiltClauseGroups[];
  /** Weighted groups no clause matched (factor 1). */
  unmatched: number;
  /** "cases": over the volume; "groups": each group once. */
  weighting: "cases" | "groups";
  /** The neutrality factor f = total before / total tilted. */
  factor: number;
  /** Total weight over the volume: of the base table, tilted (before rescaling), after rescaling. */
  totalBefore: number;
  totalTilted: number;
  totalAfter: number;
}

/**
 * The tilted and rescaled table as the audit's adjusted source, and what the tilt did. Throws
 * the rule's errors (naming `argName` and the clause) and weightTilt's when no group with cases
 * has a weight.
 */
export function tiltedSource(
  base: AuditTableSource,
  rule: string,
  volume: AuditVolumeSource | undefined,
  argName = "tilt",
): { adjusted: AuditTableSource; tilt: AuditTilt } {
  const table = auditTable(base.table, "weights");
  const { codes, weights } = table;
  const clauses = tiltRule(rule, argName);
  const matches = ruleMatches(codes, weights, clauses);
  const factors = Float64Array.from(matches, (k) => (k >= 0 ? clauses[k].factor : 1));
  let counts: Float64Array | undefined;
  if (volume) {
    const sums = sumVolume(volume.volume);
    counts = Float64Array.from(codes, (code) => {
      const g = sums.byCode.get(code);
      return g === undefined ? 0 : sums.cases[g];
    });
  }
  const t = weightTilt(weights, factors, counts);
  const groups: string[][] = clauses.map(() => []);
  let unmatched = 0;
  for (let i = 0; i < codes.length; i++) {
    if (weights[i] !== weights[i]) continue;
    if (matches[i] >= 0) groups[matches[i]].push(codes[i]);
    else unmatched++;
  }
  const totalTilted = neutrality(weights, t.tilted, counts).totalAfter;
  const after = Array.from(t.after, (w) => (w === w ? w : ""));
  let withoutWeight = 0;
  for (const w of weights) if (w !== w) withoutWeight++;
  const adjusted: AuditTableSource = {
    source: rule,
    argName,
    table: { codes, weights: after, names: table.names, argName },
    headerRow: 0,
    columns: base.columns,
    rowsRead: codes.length,
    groups: codes.length,
    rowsWithoutWeight: withoutWeight,
    skipped: { blankRows: 0, emptyCode: 0, duplicates: 0 },
  };
  return {
    adjusted,
    tilt: {
      rule,
      clauses: clauses.map((c, k) => ({ clause: c.text, factor: c.factor, groups: groups[k].sort(compareCodes) })),
      unmatched,
      weighting: volume ? "cases" : "groups",
      factor: t.neutralityFactor,
      totalBefore: t.totalBefore,
      totalTilted,
      totalAfter: t.totalAfter,
    },
  };
}
