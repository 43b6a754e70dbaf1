/**
 * (d) Targets (DOMAIN.md "Using CMI": LOS and cost targets from CMI, CMI targets per
 * department), per unit of the report, every input shown so that a department head can redo it:
 * - LOS and cost (standardizedTarget.ts), over the cases of the target year (the "after" year;
 *   every row when the data has no year) with a weight, a unit and, where the columns exist, a
 *   LOS and a total cost: mean, standardized = mean / CMI, target = CMI x benchmark standardized
 *   value (the hospital's own by default, a percentile of the units, or a number), gap.
 *   Both measures use the same cases, so one CMI column serves both.
 * - CMI (cmiTarget.ts), over every period: CMI per period, least-squares slope, latest,
 *   benchmark (a benchmark table, or the unit's own best period), target = latest + share x
 *   max(0, benchmark - latest).
 * The hospital row applies the same engines to all the cases as one unit. A part the data cannot
 * give (no 住院天数 column, no cost column, no periods) is replaced by a reason.
 */
import { CaseTable } from "../../engine/caseTable";
import { caseMix } from "../../engine/caseMix";
import { cmiAdjusted } from "../../engine/cmiAdjusted";
import { cmiTargets, CmiTargetResult } from "../../engine/cmiTarget";
import { Interned } from "../../engine/codes";
import { compareKeys } from "../../engine/grouping";
import { standardizedTargets, TargetBenchmark, TargetResult } from "../../engine/standardizedTarget";
import { CaseMixError } from "../../engine/text";
import { WeightTable } from "../../engine/weightTable";
import { skipCounter } from "../common";
import { unavailable } from "./sections";
import { TrendsSettings } from "./settings";
import { CmiPart, CmiTargetValues, MeasurePart, TargetsSection, TargetUnitRow, TargetValues } from "./targetTypes";
import { SectionRows, TrendsSkip, Unavailable } from "./types";

/** What a row needs to count: a period (or the one year), a weight, a unit and the values. */
interface RowRule {
  periodIds?: Int32Array;
  /** Only rows of this period id (otherwise any period but none blank). */
  periodId?: number;
  values: { column: Float64Array; skip: TrendsSkip }[];
}

/** The cases of each row that meets the rule (0 otherwise), the others counted by reason. */
function keptCases(
  cases: Float64Array,
  groupIds: Int32Array,
  unit: Interned,
  weightById: Float64Array,
  rule: RowRule,
): { counts: Float64Array; rows: SectionRows } {
  const skipped: SectionRows["skipped"] = {};
  const bump = skipCounter(skipped);
  const counts = new Float64Array(cases.length);
  let used = 0;
  for (let i = 0; i < cases.length; i++) {
    if (!(cases[i] > 0)) continue;
    const p = rule.periodIds ? rule.periodIds[i] : 0;
    let skip: TrendsSkip | undefined;
    if (p < 0) skip = "noYear";
    else if (rule.periodId !== undefined && p !== rule.periodId) skip = "otherYear";
    else if (weightById[groupIds[i]] !== weightById[groupIds[i]]) skip = "noWeight";
    else skip = rule.values.find((v) => v.column[i] !== v.column[i])?.skip;
    if (skip === undefined && unit.ids[i] < 0) skip = "emptyUnit";
    if (skip !== undefined) {
      bump(skip);
      continue;
    }
    counts[i] = cases[i];
    used++;
  }
  return { counts, rows: { used, skipped } };
}

/** One key for every row: the hospital as a single unit. */
function wholeHospital(rows: number): Interned {
  return { ids: new Int32Array(rows), codes: ["*"], empty: 0 };
}

function values(r: TargetResult["rows"][number]): TargetValues {
  return {
    mean: r.mean,
    standardized: Number.isFinite(r.standardized) ? r.standardized : NaN,
    target: r.target,
    gap: r.gap,
  };
}

interface MeasureResult {
  part: MeasurePart | Unavailable;
  byUnit: Map<string, TargetValues>;
  hospital?: TargetValues;
}

/** LOS or cost targets over the kept cases; unavailable without the column, or without a percentile. */
function measure(
  table: CaseTable,
  column: Float64Array | undefined,
  counts: Float64Array,
  unit: Interned,
  weights: WeightTable,
  rule: TargetBenchmark,
  missing: Unavailable,
): MeasureResult {
  if (!column) return { part: missing, byUnit: new Map() };
  const input = { groups: table.groups, values: column, counts };
  const result = cmiAdjusted({ ...input, by: unit }, weights, { missing: "exclude" });
  let targets: TargetResult;
  try {
    targets = standardizedTargets(result, rule);
  } catch (e) {
    if (!(e instanceof CaseMixError)) throw e;
    return { part: { available: false, reason: e.text }, byUnit: new Map() };
  }
  // The hospital row: the same engine over all the cases as one unit, at the same benchmark.
  const whole = cmiAdjusted({ ...input, by: wholeHospital(counts.length) }, weights, { missing: "exclude" });
  const hospital = standardizedTargets(whole, { kind: "value", value: targets.benchmark }).rows[0];
  return {
    part: { available: true, rule, benchmark: targets.benchmark },
    byUnit: new Map(targets.rows.map((r) => [r.key, values(r)])),
    hospital: hospital && values(hospital),
  };
}

function cmiValues(r: CmiTargetResult["rows"][number]): CmiTargetValues {
  const { cmiByPeriod, slope, latest, latestPeriod, benchmark, benchmarkSource, target } = r;
  return { cmiByPeriod, slope, latest, latestPeriod, benchmark, benchmarkSource, target };
}

interface CmiResult {
  part: CmiPart | Unavailable;
  byUnit: Map<string, { values: CmiTargetValues; cases: number }>;
  hospital?: CmiTargetValues;
}

/** CMI targets over every period; unavailable without periods. */
function cmiPart(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  weights: WeightTable,
  weightById: Float64Array,
  periods: Interned | undefined,
): CmiResult {
  if (!periods) {
    const part = unavailable(
      "the data has no year or discharge date column, so there is no CMI per period to set a CMI target from",
      "数据中没有年份或出院日期列，无法按时期计算 CMI 并设定 CMI 目标",
    );
    return { part, byUnit: new Map() };
  }
  const { counts, rows } = keptCases(cases, table.groups.ids, unit, weightById, { periodIds: periods.ids, values: [] });
  const bench = settings.cmiBenchmark;
  const options = { benchmark: bench?.table, share: settings.targetShare, missing: "exclude" as const };
  const input = { groups: table.groups, periods, counts };
  const result = cmiTargets({ ...input, by: unit }, weights, options);
  // The hospital: all its cases as one unit, its own best period as the benchmark.
  const whole = cmiTargets({ ...input, by: wholeHospital(counts.length) }, weights, {
    ...options,
    benchmark: undefined,
  });
  return {
    part: { available: true, periods: result.periods, share: settings.targetShare, benchmarkName: bench?.name, rows },
    byUnit: new Map(result.rows.map((r) => [r.key, { values: cmiValues(r), cases: r.cases }])),
    hospital: whole.rows[0] && cmiValues(whole.rows[0]),
  };
}

/** The units of any part, largest first by the target year's cases, then by every period's. */
function unitRows(
  base: Map<string, { cases: number; cmi: number }>,
  los: MeasureResult,
  cost: MeasureResult,
  cmi: CmiResult,
): TargetUnitRow[] {
  const keys = new Set([...base.keys(), ...cmi.byUnit.keys()]);
  const rows = [...keys].map((unit): TargetUnitRow & { allCases: number } => {
    const b = base.get(unit);
    const c = cmi.byUnit.get(unit);
    return {
      unit,
      cases: b?.cases ?? 0,
      cmi: b?.cmi ?? NaN,
      los: los.byUnit.get(unit),
      cost: cost.byUnit.get(unit),
      cmiTarget: c?.values,
      allCases: c?.cases ?? 0,
    };
  });
  rows.sort((a, b) => b.cases - a.cases || b.allCases - a.allCases || compareKeys(a.unit, b.unit));
  return rows.map(({ allCases, ...row }) => (void allCases, row));
}

/**
 * Section (d) from the rows' cases (0 when left out). `year` is the target year of LOS and
 * cost (undefined: every row); `periods` are the periods of the CMI target (the data's years).
 */
export function targets(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  weights: WeightTable,
  weightById: Float64Array,
  year: { id: number; name: string } | undefined,
  periods: Interned | undefined,
): TargetsSection | Unavailable {
  const los = table.numbers.los;
  const cost = table.numbers.totalCost;
  const values = [
    ...(los ? [{ column: los, skip: "noLos" as const }] : []),
    ...(cost ? [{ column: cost, skip: "noCost" as const }] : []),
  ];
  const rule: RowRule = { periodIds: year ? table.years?.ids : undefined, periodId: year?.id, values };
  const kept = keptCases(cases, table.groups.ids, unit, weightById, rule);
  const mix = caseMix({ groups: table.groups, counts: kept.counts, by: unit }, weights, { missing: "exclude" });
  const base = new Map((mix.rows ?? []).filter((r) => r.cases > 0).map((r) => [r.key, r]));
  const losPart = measure(table, los, kept.counts, unit, weights, settings.losBenchmark, NO_LOS);
  const costPart = measure(table, cost, kept.counts, unit, weights, settings.costBenchmark, NO_COST);
  const cmi = cmiPart(table, settings, unit, cases, weights, weightById, periods);
  if (!losPart.part.available && !costPart.part.available && !cmi.part.available) {
    return unavailable(
      "the data has no length of stay (住院天数), no total cost and no year column, so no target can be set",
      "数据中没有住院天数、住院总费用和年份列，无法设定目标",
    );
  }
  return {
    available: true,
    year: year?.name,
    los: losPart.part,
    cost: costPart.part,
    cmi: cmi.part,
    units: unitRows(base, losPart, costPart, cmi),
    hospital: {
      unit: "",
      cases: mix.overall.cases,
      cmi: mix.overall.cases > 0 ? mix.overall.cmi : NaN,
      los: losPart.hospital,
      cost: costPart.hospital,
      cmiTarget: cmi.hospital,
    },
    rows: kept.rows,
  };
}

const NO_LOS = unavailable(
  "the data has no length of stay column (住院天数), so there is no LOS target",
  "数据中没有住院天数列，无法设定平均住院日目标",
);
const NO_COST = unavailable(
  "the data has no total cost column (住院总费用), so there is no cost target",
  "数据中没有住院总费用列，无法设定例均费用目标",
);
