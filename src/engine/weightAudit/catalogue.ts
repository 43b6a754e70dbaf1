/**
 * How far two weight tables list the same groups: codes in common, codes in one table only,
 * and whether the tables look like different catalogue versions (CHS-DRG 1.1 against 2.0),
 * in which case the "only in one table" findings say that, not that a weight went missing.
 *
 * Decision (docs/methods.md, audit): the tables look like different versions when the codes
 * listed in both are under 80% of the codes of the smaller table and at least 10 codes are in
 * one table only (fewer read better one a row than summed up). A code counts as listed whether
 * or not it has a weight there (a blank weight is its own finding).
 *
 *     compareCatalogues(["GB11", "GB13", "GB15"], ["GB11", "GB13", "GB19"])
 *     // common 2 of the smaller table's 3 = 66.7% < 80%, but only 2 codes in one table only:
 *     // differentVersions false; onlyInBase ["GB15"], onlyInAdjusted ["GB19"]
 */
import { compareCodes } from "../codes";

/** Under this share of the smaller table's codes in common, the tables look like different versions. */
export const DEFAULT_CATALOGUE_OVERLAP = 0.8;

/** Fewer codes in one table only than this are listed one a finding whatever the overlap. */
export const MIN_ONE_TABLE_CODES = 10;

export interface CatalogueComparison {
  baseCodes: number;
  adjustedCodes: number;
  /** Codes listed in both tables. */
  common: number;
  /** Codes listed in the base table and not in the adjusted one, sorted. */
  onlyInBase: string[];
  /** Codes listed in the adjusted table and not in the base one, sorted. */
  onlyInAdjusted: string[];
  /** common / the smaller table's codes (1 when a table is empty). */
  overlap: number;
  /** The overlap under which the tables were called different versions. */
  threshold: number;
  differentVersions: boolean;
}

/** Compares the codes of two tables (each code once); see the module comment. */
export function compareCatalogues(
  base: readonly string[],
  adjusted: readonly string[],
  threshold = DEFAULT_CATALOGUE_OVERLAP,
): CatalogueComparison {
  const inBase = new Set(base);
  const inAdjusted = new Set(adjusted);
  const onlyInBase = [...inBase].filter((c) => !inAdjusted.has(c)).sort(compareCodes);
  const onlyInAdjusted = [...inAdjusted].filter((c) => !inBase.has(c)).sort(compareCodes);
  const common = inBase.size - onlyInBase.length;
  const smaller = Math.min(inBase.size, inAdjusted.size);
  const overlap = smaller > 0 ? common / smaller : 1;
  return {
    baseCodes: inBase.size,
    adjustedCodes: inAdjusted.size,
    common,
    onlyInBase,
    onlyInAdjusted,
    overlap,
    threshold,
    differentVersions: overlap < threshold && onlyInBase.length + onlyInAdjusted.length >= MIN_ONE_TABLE_CODES,
  };
}

/** One section of codes in one table only: the codes of one MDC (first character), by table. */
export interface OneTableGroup {
  /** The CHS-DRG MDC letter (first character) of the codes; "" for the codes that start otherwise. */
  prefix: string;
  onlyInBase: string[];
  onlyInAdjusted: string[];
}

/** The codes of one table only, grouped by MDC letter (then the other codes), in code order. */
export function groupByPrefix(c: Pick<CatalogueComparison, "onlyInBase" | "onlyInAdjusted">): OneTableGroup[] {
  const groups = new Map<string, OneTableGroup>();
  const at = (code: string): OneTableGroup => {
    const prefix = /^[A-Z]/.test(code) ? code.charAt(0) : "";
    let g = groups.get(prefix);
    if (!g) groups.set(prefix, (g = { prefix, onlyInBase: [], onlyInAdjusted: [] }));
    return g;
  };
  for (const code of c.onlyInBase) at(code).onlyInBase.push(code);
  for (const code of c.onlyInAdjusted) at(code).onlyInAdjusted.push(code);
  const others = groups.get("");
  groups.delete("");
  const letters = [...groups.values()].sort((x, y) => compareCodes(x.prefix, y.prefix));
  return others ? [...letters, others] : letters;
}
