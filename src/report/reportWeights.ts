/**
 * The weights a report uses (DOMAIN.md "Relative weights"): computed from every row of the data
 * (relativeWeights on 住院总费用, trimmed, years blended 1:2:7) or taken from a weight table, with
 * what the report records about them. The quadrant and trends reports share this step.
 */
import { CaseTable } from "../engine/caseTable";
import { relativeWeights } from "../engine/relativeWeights";
import { DEFAULT_K, DEFAULT_TRIM } from "../engine/trimming";
import { WeightTable } from "../engine/weightTable";
import { WeightSource, WeightsInfo } from "./common";
import { computedWeightTable, standardizedWeightTable } from "./standardizedSource";

export interface ReportWeights {
  weights: WeightTable;
  /** `missingCodes` is empty: the report fills it in once it knows the rows it uses. */
  info: WeightsInfo;
  /** Rows with a blank total cost, left out of the weight calculation (0 with a table). */
  missingCost: number;
}

/**
 * The report's weights. `reportMinCases` is the report's own minimum, the trimming minimum
 * when the source gives none. Throws on the engine's errors (a total cost column is required
 * for data-derived weights).
 */
export function reportWeights(table: CaseTable, source: WeightSource, reportMinCases: number): ReportWeights {
  if (source.source === "table") {
    return {
      weights: source.table,
      info: { source: "table", tableName: source.name, missingCodes: [] },
      missingCost: 0,
    };
  }
  if (source.source === "standardized") {
    const computed = standardizedWeightTable(table, source.shares, reportMinCases);
    return {
      weights: computed.table,
      info: { source: "standardized", shares: computed.groups.usedShares, minCases: reportMinCases, missingCodes: [] },
      missingCost: computed.groups.skipped.missingCost,
    };
  }
  const trim = source.trim ?? DEFAULT_TRIM;
  const minCases = source.minCases ?? reportMinCases;
  const groups = relativeWeights(
    {
      groups: table.groups,
      costs: table.numbers.totalCost as Float64Array,
      counts: table.numbers.cases,
      years: table.years,
    },
    { trim, minCases, yearWeights: source.yearWeights, firstRow: table.firstDataRow },
  );
  return {
    // The codes are the case table's (already normal); a group without a weight keeps NaN.
    weights: computedWeightTable(groups.codes, groups.weight),
    info: {
      source: "data",
      trim: {
        method: trim.method,
        k: trim.k ?? DEFAULT_K[trim.method],
        ...(trim.method === "percentile" ? { pLow: trim.pLow ?? 0.05, pHigh: trim.pHigh ?? 0.95 } : {}),
      },
      minCases,
      years: groups.years,
      yearWeights: groups.yearWeights,
      allCaseMean: groups.allCaseMean,
      missingCodes: [],
    },
    missingCost: groups.skipped.missingCost,
  };
}
