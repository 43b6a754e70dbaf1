/** The JSON of `casemix trends --json`: the three sections and the parameters of the report. */
import { Lang } from "../../engine/text";
import { jsonNumber } from "../common";
import { sourceParameters } from "../parameterRows";
import { targetBenchmarkCode } from "./targetSettings";
import { monitorJson } from "./monitorJson";
import { targetsJson } from "./targetsJson";
import { TrendsReport, Unavailable } from "./types";

/** A row's numbers for JSON (NaN and infinities null), its other values as they are. */
function jsonRow<T extends object>(row: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "number" ? jsonNumber(v) : v]));
}

function trendsParameters(report: TrendsReport): Record<string, unknown> {
  const s = report.settings;
  return {
    ...sourceParameters(report),
    years: report.years,
    weights: report.weights,
    unit: s.unit,
    levels: s.levels.source === "benchmark" ? { source: "benchmark", name: s.levels.name } : { source: "data" },
    before: s.before ?? null,
    after: s.after ?? null,
    minCases: s.minCases,
    flagTolerance: s.flagTolerance,
    topAdrgs: s.topAdrgs,
    targetShare: s.targetShare,
    losBenchmark: targetBenchmarkCode(s.losBenchmark),
    costBenchmark: targetBenchmarkCode(s.costBenchmark),
    cmiBenchmark: s.cmiBenchmark?.name ?? null,
    period: s.period,
  };
}

/**
 * The JSON of `casemix trends --json`: quality, decomposition, curve, targets, monitor and parameters. A section
 * the data cannot give is `{ available: false, reason }` (reason in `lang`). NaN becomes null.
 */
export function trendsJson(report: TrendsReport, lang: Lang): Record<string, unknown> {
  const off = (u: Unavailable) => ({ available: false, reason: u.reason[lang] });
  const q = report.quality;
  const d = report.decomposition;
  const c = report.curve;
  return {
    quality: q.available
      ? {
          available: true,
          levelSource: q.levelSource,
          benchmark: q.benchmarkName ?? null,
          overall: jsonRow({
            cases: q.overall.cases,
            deaths: q.overall.deaths,
            rate: q.overall.rate,
            rateBefore: q.overall.rateBefore,
            rateAfter: q.overall.rateAfter,
          }),
          units: q.units.map(jsonRow),
          levelCounts: q.levelCounts,
          casesWithoutLevel: q.casesWithoutLevel,
          groups: q.groups.map(jsonRow),
          rows: q.rows,
        }
      : off(q),
    decomposition: d.available
      ? {
          available: true,
          before: d.before,
          after: d.after,
          overall: jsonRow({ ...d.overall, key: undefined }),
          units: d.units.map((r) => {
            const { key, ...rest } = r;
            return jsonRow({ unit: key, ...rest });
          }),
          adrgs: d.adrgs.map(jsonRow),
          adrgCount: d.adrgCount,
          rows: { before: d.rowsBefore, after: d.rowsAfter, skipped: d.rows.skipped },
        }
      : off(d),
    curve: c.available
      ? {
          available: true,
          year: c.year ?? null,
          y: "ln(mean cost per case)",
          models: c.models.map((m) => ({
            model: m.model,
            coefficients: m.coefficients.map(jsonNumber),
            rSquared: jsonNumber(m.rSquared),
            f: jsonNumber(m.f),
            n: m.n,
          })),
          failures: c.failures.map((f) => ({ model: f.model, reason: f.reason[lang] })),
          best: c.models[0]?.model ?? null,
          units: c.units.map(jsonRow),
          prepayment: jsonRow(c.prepayment),
          rows: c.rows,
        }
      : off(c),
    targets: targetsJson(report.targets, lang),
    monitor: monitorJson(report.monitor, lang),
    parameters: trendsParameters(report),
  };
}
