/** The JSON of `casemix report --json`: the groups, the units and the parameters of the report. */
import { jsonNumber } from "../common";
import { sourceParameters } from "../parameterRows";
import { QuadrantReport } from "./types";

/** The report's settings and bookkeeping as plain JSON (the `parameters` of --json and of the 参数 sheet). */
export function reportParameters(report: QuadrantReport): Record<string, unknown> {
  const s = report.settings;
  return {
    ...sourceParameters(report),
    weights: report.weights,
    year: s.year ?? null,
    years: report.years,
    revenue: s.revenue === "payment" && s.payment ? { source: "payment", ...s.payment } : { source: "settlement" },
    layer: s.layer,
    xCut: { rule: s.xCut, value: jsonNumber(report.cuts.x) },
    yCut: { rule: s.yCut, value: jsonNumber(report.cuts.y) },
    minCases: s.minCases,
    coefficients: s.coefficients,
    labels: s.labels ?? null,
    incentive: s.money,
    unit: s.unit,
    hospital: Object.fromEntries(Object.entries(report.hospital).map(([k, v]) => [k, jsonNumber(v)])),
    quadrants: report.quadrantCounts,
  };
}

/**
 * The JSON of `casemix report --json`: groups, units (by amount, largest first, with their
 * `rank`; doctors with their `department` when the data has one; `dimension` added when both
 * departments and doctors are reported) and parameters. NaN becomes null.
 */
export function quadrantJson(report: QuadrantReport): {
  groups: Record<string, unknown>[];
  units: Record<string, unknown>[];
  parameters: Record<string, unknown>;
} {
  const both = report.units.length > 1;
  return {
    groups: report.groups.map((g) => ({
      group: g.group,
      name: g.name,
      cases: g.cases,
      rw: jsonNumber(g.rw),
      revenue: g.revenue,
      cost: g.cost,
      contribution: g.contribution,
      rate: jsonNumber(g.rate),
      quadrant: g.quadrant,
      coefficient: g.coefficient,
      points: jsonNumber(g.points),
    })),
    units: report.units.flatMap((t) =>
      t.rows.map((u) => ({
        ...(both ? { dimension: t.dimension } : {}),
        unit: u.unit,
        ...(u.department !== undefined ? { department: u.department } : {}),
        rank: u.rank,
        cases: u.cases,
        totalWeight: u.totalWeight,
        cmi: jsonNumber(u.cmi),
        points: u.points,
        amount: u.amount,
      })),
    ),
    parameters: reportParameters(report),
  };
}
