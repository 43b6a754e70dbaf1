/** The `targets` part of `casemix trends --json`: the rules, the benchmarks and a row a unit. */
import { TargetBenchmark } from "../../engine/standardizedTarget";
import { Lang } from "../../engine/text";
import { jsonNumber } from "../common";
import { targetBenchmarkCode } from "./targetSettings";
import { MeasurePart, TargetsSection, TargetUnitRow, TargetValues } from "./targetTypes";
import { Unavailable } from "./types";

const num = (x: number | undefined) => (x === undefined ? null : jsonNumber(x));

function measureJson(v: TargetValues | undefined) {
  if (!v) return null;
  return { mean: num(v.mean), standardized: num(v.standardized), target: num(v.target), gap: num(v.gap) };
}

function unitJson(u: TargetUnitRow) {
  const c = u.cmiTarget;
  return {
    unit: u.unit,
    cases: u.cases,
    cmi: num(u.cmi),
    los: measureJson(u.los),
    cost: measureJson(u.cost),
    cmiTarget: c
      ? {
          cmiByPeriod: c.cmiByPeriod.map(jsonNumber),
          slope: num(c.slope),
          latest: num(c.latest),
          latestPeriod: c.latestPeriod,
          benchmark: num(c.benchmark),
          benchmarkSource: c.benchmarkSource,
          target: num(c.target),
        }
      : null,
  };
}

const ruleJson = (rule: TargetBenchmark) => targetBenchmarkCode(rule);

/** The section as JSON; a part the data cannot give is `{ available: false, reason }`. NaN becomes null. */
export function targetsJson(s: TargetsSection | Unavailable, lang: Lang): Record<string, unknown> {
  const off = (u: Unavailable) => ({ available: false, reason: u.reason[lang] });
  if (!s.available) return off(s);
  const measure = (p: MeasurePart | Unavailable) =>
    p.available ? { available: true, rule: ruleJson(p.rule), benchmark: jsonNumber(p.benchmark) } : off(p);
  const c = s.cmi;
  return {
    available: true,
    year: s.year ?? null,
    los: measure(s.los),
    cost: measure(s.cost),
    cmi: c.available
      ? { available: true, periods: c.periods, share: c.share, benchmarkTable: c.benchmarkName ?? null, rows: c.rows }
      : off(c),
    units: s.units.map(unitJson),
    hospital: { ...unitJson(s.hospital), unit: null },
    rows: s.rows,
  };
}
