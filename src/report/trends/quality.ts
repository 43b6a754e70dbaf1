/**
 * (a) Quality (DOMAIN.md "Quality"): risk levels of the groups from every row of the data (all
 * years), or from a benchmark data set; low-risk mortality = deaths / cases in level-1 groups,
 * per unit and overall, over all years and in each of the two periods.
 */
import { CaseTable, missingColumnsError } from "../../engine/caseTable";
import { Interned } from "../../engine/codes";
import { GroupRisk, lowRiskMortality, riskLevels } from "../../engine/mortalityRisk";
import { skipCounter } from "../common";
import { unavailable } from "./sections";
import { TrendsSettings } from "./settings";
import { QualitySection, RiskGroupRow, TrendsSkip, Unavailable } from "./types";

/**
 * Risk levels from a benchmark case table (a region): its groups, died column and counts.
 * Throws when the table has no died column.
 */
export function benchmarkRisk(table: CaseTable): GroupRisk {
  if (!table.deaths) throw missingColumnsError(["died"], table.headers);
  return riskLevels({ groups: table.groups, deaths: table.deaths, counts: table.numbers.cases });
}

type Mortality = ReturnType<typeof lowRiskMortality>;

/** Low-risk mortality over the rows of one period, overall and by unit key; undefined when the period has no row. */
function periodMortality(
  input: { groups: Interned; deaths: Float64Array; unit: Interned },
  levels: GroupRisk,
  cases: Float64Array,
  period: Int8Array,
  p: 0 | 1,
): { overall: Mortality["overall"]; rows: Map<string, Mortality["overall"]> } | undefined {
  const { groups, deaths, unit } = input;
  const c = new Float64Array(cases.length);
  let any = false;
  for (let i = 0; i < c.length; i++) {
    if (period[i] === p) {
      c[i] = cases[i];
      any = true;
    }
  }
  if (!any) return undefined;
  return {
    overall: lowRiskMortality({ groups, deaths, counts: c }, levels).overall,
    rows: new Map(
      (lowRiskMortality({ groups, deaths, counts: c, by: unit }, levels).rows ?? []).map((r) => [r.key, r]),
    ),
  };
}

/** The groups of the level source, by code, and how many are at each level 0 to 4. */
function riskGroupRows(table: CaseTable, levels: GroupRisk): { rows: RiskGroupRow[]; levelCounts: number[] } {
  const nameById = new Map<string, string>();
  table.groups.codes.forEach((code, g) => nameById.set(code, table.groupNames[g]));
  const levelCounts = [0, 0, 0, 0, 0];
  const rows: RiskGroupRow[] = levels.codes.map((code, k) => {
    levelCounts[levels.level[k]]++;
    return {
      group: code,
      name: nameById.get(code) ?? "",
      cases: levels.cases[k],
      deaths: levels.deaths[k],
      mortality: levels.mortality[k],
      z: levels.z[k],
      level: levels.level[k],
    };
  });
  return { rows, levelCounts };
}

/** The risk levels of the report: the benchmark's, or the data's own over every row used (all years). */
export function riskLevelsFor(
  table: CaseTable,
  settings: TrendsSettings,
  deaths: Float64Array,
  cases: Float64Array,
): GroupRisk {
  if (settings.levels.source === "benchmark") return settings.levels.risk;
  return riskLevels({ groups: table.groups, deaths, counts: cases });
}

/** Section (a) from the rows' cases (0 when left out) and periods; unavailable without a died column. */
export function quality(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  period: Int8Array,
): QualitySection | Unavailable {
  const deaths = table.deaths;
  if (!deaths) {
    return unavailable(
      "the data has no died column (死亡, 是否死亡 or 离院方式), so low-risk mortality cannot be computed",
      "数据中没有死亡列（死亡、是否死亡或离院方式），无法计算低风险组死亡率",
    );
  }
  const groups = table.groups;
  const levels = riskLevelsFor(table, settings, deaths, cases);
  const all = lowRiskMortality({ groups, deaths, counts: cases }, levels);
  const byUnit = lowRiskMortality({ groups, deaths, counts: cases, by: unit }, levels);
  const before = periodMortality({ groups, deaths, unit }, levels, cases, period, 0);
  const after = periodMortality({ groups, deaths, unit }, levels, cases, period, 1);
  const rateOf = (p: typeof before, key: string | undefined) => {
    if (!p) return NaN;
    const r = key === undefined ? p.overall : p.rows.get(key);
    return r ? r.rate : NaN;
  };
  const { rows, levelCounts } = riskGroupRows(table, levels);
  let used = 0;
  for (let i = 0; i < cases.length; i++) if (cases[i] > 0) used++;
  const sectionSkips: Partial<Record<TrendsSkip, number>> = {};
  skipCounter(sectionSkips)("emptyUnit", byUnit.skipped.emptyKey);
  return {
    available: true,
    levelSource: settings.levels.source,
    benchmarkName: settings.levels.source === "benchmark" ? settings.levels.name : undefined,
    groups: rows,
    levelCounts,
    meanLn: levels.meanLn,
    sdLn: levels.sdLn,
    units: (byUnit.rows ?? []).map((r) => ({
      unit: r.key,
      cases: r.cases,
      deaths: r.deaths,
      rate: r.rate,
      rateBefore: rateOf(before, r.key),
      rateAfter: rateOf(after, r.key),
    })),
    overall: {
      unit: "",
      cases: all.overall.cases,
      deaths: all.overall.deaths,
      rate: all.overall.rate,
      rateBefore: rateOf(before, undefined),
      rateAfter: rateOf(after, undefined),
    },
    casesWithoutLevel: all.casesWithoutLevel,
    diedEncoding: table.diedEncoding,
    rows: { used, skipped: sectionSkips },
  };
}
