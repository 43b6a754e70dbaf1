/** The JSON of `casemix compare --json`: the hospital, the units, the regrouped pairs and the parameters. */
import { CmiCompareRow } from "../../engine/cmiCompare";
import { jsonNumber } from "../common";
import { sourceParameters } from "../parameterRows";
import { cmiChangeRate, CompareReport, regroupedShare } from "./types";

/** The figures of a row under both versions and the differences; NaN becomes null. */
function figures(r: CmiCompareRow): Record<string, unknown> {
  return {
    cases: r.a.cases,
    cmiA: jsonNumber(r.a.cmi),
    cmiB: jsonNumber(r.b.cmi),
    cmiChange: jsonNumber(r.cmiChange),
    cmiChangeRate: jsonNumber(cmiChangeRate(r)),
    totalWeightA: r.a.totalWeight,
    totalWeightB: r.b.totalWeight,
    totalWeightChange: r.totalWeightChange,
    groupsA: r.a.groupCount,
    groupsB: r.b.groupCount,
    groupCountChange: r.groupCountChange,
  };
}

/** The report's settings and bookkeeping as plain JSON. */
export function compareParameters(report: CompareReport): Record<string, unknown> {
  const s = report.settings;
  return {
    ...sourceParameters(report),
    weights: report.weights,
    weightsB: { source: "table", tableName: s.weightsB.name, missingCodes: report.missingCodesB },
    names: s.names ?? null,
    groupsB: report.groupsB,
    missing: s.missing,
    unit: report.units?.dimension ?? null,
    emptyUnitRows: report.units?.emptyUnitRows ?? 0,
  };
}

/**
 * `{ overall, units, regrouped, parameters }`: the hospital with the regrouped cases, the units
 * largest loss of total weight first, the pairs A → B largest weight change first.
 */
export function compareJson(report: CompareReport): {
  overall: Record<string, unknown>;
  units: Record<string, unknown>[];
  regrouped: Record<string, unknown>[];
  parameters: Record<string, unknown>;
} {
  const c = report.crosswalk;
  const units = report.units;
  return {
    overall: {
      ...figures(report.overall),
      regroupedCases: c.regroupedCases,
      regroupedShare: jsonNumber(regroupedShare(report)),
      regroupedWeightChange: c.regroupedWeightChange,
    },
    units: units ? units.rows.map((r) => ({ dimension: units.dimension, unit: r.key, ...figures(r) })) : [],
    regrouped: c.pairs.map((p) => ({
      groupA: p.groupA,
      name: p.name,
      groupB: p.groupB,
      cases: p.cases,
      weightA: p.weightA,
      weightB: p.weightB,
      weightChange: p.weightChange,
    })),
    parameters: compareParameters(report),
  };
}
