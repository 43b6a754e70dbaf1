/**
 * The monitor section of the trends report (DOMAIN.md "Using CMI": CMI monitored period by
 * period): for each period and each unit, and for the hospital, the cases, total weight, CMI,
 * the time, cost, drug and material indices and low-risk mortality. Steps:
 * 1. Periods: the year, quarter ("2024Q1") or month ("2024-03") of the discharge date, or a
 *    period column (统计期, 月份) as written; sorted. A row without one is left out, counted.
 * 2. Rows: the report's rows with a period whose group has a weight (the others counted).
 * 3. Indices (efficiency.ts): the benchmark of a group is its mean over every row of step 2
 *    (all periods), so an index of 1.10 in March says 10% above the data's own group means;
 *    over all periods together each index is 1. An index whose column is missing is left
 *    out with the reason; rows with a blank value are left out of that index only, counted.
 * 4. Low-risk mortality with the quality section's risk levels.
 */
import { CaseTable } from "../../engine/caseTable";
import { caseMix, CaseMixRow } from "../../engine/caseMix";
import { Interned } from "../../engine/codes";
import { quarterOf } from "../../engine/dates";
import { efficiencyIndex, EfficiencyRow } from "../../engine/efficiency";
import { compareKeys, sortedOrder } from "../../engine/grouping";
import { lowRiskMortality } from "../../engine/mortalityRisk";
import { Text } from "../../engine/text";
import { WeightTable } from "../../engine/weightTable";
import { skipCounter } from "../common";
import { MonitorIndicator, MonitorRow, MonitorSection, TrendsPeriod } from "./monitorTypes";
import { riskLevelsFor } from "./quality";
import { unavailable } from "./sections";
import { TrendsSettings } from "./settings";
import { SectionRows, Unavailable } from "./sectionTypes";

/** Units drawn on the line chart beside the hospital. */
export const CHART_UNITS = 5;

/** The period of each row as written in the table, with the header it comes from. */
function rawPeriods(table: CaseTable, period: TrendsPeriod): { periods: Interned; source: string } | Unavailable {
  const header = (c: "year" | "dischargeDate" | "period") =>
    table.mapping[c] !== undefined ? table.headers[table.mapping[c] as number] : "";
  if (period === "year") {
    if (!table.years) {
      return unavailable(
        "the data has no year or discharge date column (年度, 出院日期), so there are no years to monitor",
        "数据中没有年度或出院日期列，无法按年监测",
      );
    }
    return { periods: table.years, source: header(table.mapping.year !== undefined ? "year" : "dischargeDate") };
  }
  if (period === "column") {
    if (!table.periods) {
      return unavailable(
        "the data has no period column (统计期, 月份, Period), so there are no periods to monitor",
        "数据中没有统计期列（统计期、月份等），无法按期间监测",
      );
    }
    return { periods: table.periods, source: header("period") };
  }
  if (!table.months) {
    return unavailable(
      `the data has no discharge date column (出院日期), so there are no ${period === "month" ? "months" : "quarters"} to monitor`,
      `数据中没有出院日期列，无法按${period === "month" ? "月" : "季度"}监测`,
    );
  }
  if (period === "month") return { periods: table.months, source: header("dischargeDate") };
  // Quarters from the months: "2024-03" -> "2024Q1".
  const quarterOfMonth = table.months.codes.map((m) => quarterOf(m) as string);
  const codes = [...new Set(quarterOfMonth)];
  const at = new Map(codes.map((q, k) => [q, k]));
  const ids = table.months.ids.map((m) => (m < 0 ? -1 : (at.get(quarterOfMonth[m]) as number)));
  return { periods: { ids, codes, empty: table.months.empty }, source: header("dischargeDate") };
}

/** The same periods with their codes sorted (ids renumbered), and only the rows of `counts`. */
function sortedPeriods(periods: Interned, counts: Float64Array): Interned {
  const order = sortedOrder(periods.codes);
  const rank = new Int32Array(order.length);
  order.forEach((g, k) => (rank[g] = k));
  const ids = new Int32Array(counts.length).fill(-1);
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) ids[i] = rank[periods.ids[i]];
  const used = new Uint8Array(order.length);
  for (const p of ids) if (p >= 0) used[p] = 1;
  const codes = Array.from(order, (g) => periods.codes[g]);
  // Periods without a row used drop out; renumber again so the codes stay dense.
  const dense = new Int32Array(codes.length).fill(-1);
  const kept: string[] = [];
  codes.forEach((c, k) => {
    if (used[k]) dense[k] = kept.push(c) - 1;
  });
  for (let i = 0; i < ids.length; i++) if (ids[i] >= 0) ids[i] = dense[ids[i]];
  return { ids, codes: kept, empty: 0 };
}

/** One key per (period, unit) pair that has rows: ids, and each pair's period and unit id. */
function pairKeys(period: Interned, unit: Interned): { key: Interned; pairs: [number, number][] } {
  const U = unit.codes.length;
  const index = new Map<number, number>();
  const pairs: [number, number][] = [];
  const ids = new Int32Array(period.ids.length).fill(-1);
  for (let i = 0; i < ids.length; i++) {
    const p = period.ids[i];
    const u = unit.ids[i];
    if (p < 0 || u < 0) continue;
    const k = p * U + u;
    let id = index.get(k);
    if (id === undefined) {
      id = pairs.push([p, u]) - 1;
      index.set(k, id);
    }
    ids[i] = id;
  }
  return { key: { ids, codes: pairs.map((_, k) => String(k)), empty: 0 }, pairs };
}

type ByKey<T> = Map<string, T>;
const byKey = <T extends { key: string }>(rows: T[] | undefined): ByKey<T> =>
  new Map((rows ?? []).map((r) => [r.key, r]));

const INDEX_COLUMNS: [
  Exclude<MonitorIndicator, "lowRiskMortality">,
  "los" | "totalCost" | "drugCost" | "materialCost",
  Text,
][] = [
  ["timeIndex", "los", { en: "length of stay (住院天数)", zh: "住院天数" }],
  ["costIndex", "totalCost", { en: "total cost (住院总费用)", zh: "住院总费用" }],
  ["drugIndex", "drugCost", { en: "drug cost (药品费)", zh: "药品费" }],
  ["materialIndex", "materialCost", { en: "material cost (耗材费)", zh: "耗材费" }],
];

/** Section (e) from the report's rows (cases 0 when left out) and weights; unavailable without periods. */
export function monitor(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  weights: WeightTable,
  weightById: Float64Array,
): MonitorSection | Unavailable {
  const raw = rawPeriods(table, settings.period);
  if ("available" in raw) return raw;

  // 1. and 2. Rows with a period and a weight.
  const skipped: SectionRows["skipped"] = {};
  const bump = skipCounter(skipped);
  const counts = new Float64Array(cases.length);
  const groupIds = table.groups.ids;
  let used = 0;
  for (let i = 0; i < cases.length; i++) {
    if (!(cases[i] > 0)) continue;
    if (raw.periods.ids[i] < 0) bump("noPeriod");
    else if (weightById[groupIds[i]] !== weightById[groupIds[i]]) bump("noWeight");
    else {
      counts[i] = cases[i];
      used++;
    }
  }
  const period = sortedPeriods(raw.periods, counts);
  if (period.codes.length === 0) {
    return unavailable("no row has a period, so there is nothing to monitor", "没有任何行有统计期，无法监测");
  }
  const { key, pairs } = pairKeys(period, unit);
  const groups = table.groups;

  // 3. CMI and the indices, by period and by (period, unit).
  const mix = (by?: Interned) => caseMix({ groups, counts, by }, weights, { missing: "exclude" });
  const mixAll = mix();
  const mixPeriod = byKey(mix(period).rows);
  const mixPair = byKey(mix(key).rows);
  let emptyUnit = 0;
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0 && unit.ids[i] < 0) emptyUnit++;
  bump("emptyUnit", emptyUnit);
  const missing: MonitorSection["missing"] = {};
  type Index = { all: EfficiencyRow; period: ByKey<EfficiencyRow>; pair: ByKey<EfficiencyRow> };
  const indices: Partial<Record<MonitorIndicator, Index>> = {};
  const blankValues: MonitorSection["blankValues"] = {};
  for (const [id, column, name] of INDEX_COLUMNS) {
    const values = table.numbers[column];
    if (!values) {
      missing[id] = {
        en: `no ${name.en} column in the data`,
        zh: `数据中没有${name.zh}列`,
      };
      continue;
    }
    const run = (by?: Interned) => efficiencyIndex({ groups, values, counts, by });
    const all = run();
    if (all.skipped.missingValue > 0) blankValues[id] = all.skipped.missingValue;
    indices[id] = { all: all.overall, period: byKey(run(period).rows), pair: byKey(run(key).rows) };
  }

  // 4. Low-risk mortality.
  type Rate = { cases: number; deaths: number; rate: number };
  let rates: { all: Rate; period: ByKey<Rate & { key: string }>; pair: ByKey<Rate & { key: string }> } | undefined;
  const deaths = table.deaths;
  if (deaths) {
    const levels = riskLevelsFor(table, settings, deaths, cases);
    const run = (by?: Interned) => lowRiskMortality({ groups, deaths, counts, by }, levels);
    rates = { all: run().overall, period: byKey(run(period).rows), pair: byKey(run(key).rows) };
  } else {
    missing.lowRiskMortality = {
      en: "no died column in the data (死亡, 离院方式)",
      zh: "数据中没有死亡列（死亡、离院方式）",
    };
  }

  const row = (
    p: string,
    u: string,
    m: CaseMixRow | undefined,
    pick: <T>(x: { all: T; period: ByKey<T>; pair: ByKey<T> }) => T | undefined,
  ): MonitorRow => {
    const index = (id: MonitorIndicator) => {
      const x = indices[id];
      return x ? (pick(x)?.index ?? NaN) : NaN;
    };
    const r = rates ? pick(rates) : undefined;
    return {
      period: p,
      unit: u,
      cases: m?.cases ?? 0,
      totalWeight: m?.totalWeight ?? 0,
      cmi: m && m.cases > 0 ? m.cmi : NaN,
      timeIndex: index("timeIndex"),
      costIndex: index("costIndex"),
      drugIndex: index("drugIndex"),
      materialIndex: index("materialIndex"),
      lowRiskCases: r?.cases ?? 0,
      lowRiskDeaths: r?.deaths ?? 0,
      lowRiskMortality: r ? r.rate : NaN,
    };
  };
  const hospital = period.codes.map((p) => row(p, "", mixPeriod.get(p), (x) => x.period.get(p)));
  const unitOrder = sortedOrder(unit.codes);
  const rank = new Int32Array(unitOrder.length);
  unitOrder.forEach((u, k) => (rank[u] = k));
  const order = pairs
    .map((_, k) => k)
    .sort((a, b) => pairs[a][0] - pairs[b][0] || rank[pairs[a][1]] - rank[pairs[b][1]]);
  const units = order.map((k) => {
    const [p, u] = pairs[k];
    return row(period.codes[p], unit.codes[u], mixPair.get(String(k)), (x) => x.pair.get(String(k)));
  });
  const overall = row("", "", mixAll.overall, (x) => x.all);
  return {
    available: true,
    period: settings.period,
    source: raw.source,
    periods: period.codes,
    hospital,
    units,
    overall,
    missing,
    blankValues,
    chartUnits: topUnits(units),
    rows: { used, skipped },
  };
}

/** The units with the most cases over every period (ties in display order), at most CHART_UNITS. */
function topUnits(units: MonitorRow[]): string[] {
  const total = new Map<string, number>();
  for (const r of units) total.set(r.unit, (total.get(r.unit) ?? 0) + r.cases);
  return [...total.entries()]
    .sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]))
    .slice(0, CHART_UNITS)
    .map(([u]) => u);
}
