/** The JSON of `casemix payment --json`: the groups, the units and the parameters of the report. */
import { GroupBalance } from "../../engine/paymentGroups";
import { jsonNumber } from "../common";
import { sourceParameters } from "../parameterRows";
import { PaymentReport } from "./types";

/** The balance figures of a row; NaN becomes null. */
function figures(r: GroupBalance): Record<string, unknown> {
  return {
    cases: r.cases,
    normal: r.normal,
    high: r.high,
    low: r.low,
    points: r.points,
    revenue: r.revenue,
    cost: r.cost,
    balance: r.balance,
    rate: jsonNumber(r.rate),
    perCase: jsonNumber(r.perCase),
  };
}

/** The report's settings and bookkeeping as plain JSON. */
export function paymentParameters(report: PaymentReport): Record<string, unknown> {
  const s = report.settings;
  return {
    ...sourceParameters(report),
    weights: report.weights,
    rate: s.rate,
    pointValue: s.pointValue,
    coefficient: s.coefficient,
    moneyPerWeight: report.moneyPerWeight,
    rules: s.rules,
    groupMeans: s.groupMeans ? s.groupMeans.name : null,
    missing: s.missing,
    missingMeanCodes: report.missingMeanCodes,
    layer: s.layer,
    units: report.units.map((u) => u.dimension),
    total: figures(report.total),
    settlement: report.settlement ?? null,
    outliers: {
      high: report.outliers.filter((o) => o.kind === "high").length,
      low: report.outliers.filter((o) => o.kind === "low").length,
    },
  };
}

/**
 * `{ groups, units, parameters }`: groups largest loss first, units (each with its `dimension`,
 * department or doctor) largest loss first within their table.
 */
export function paymentJson(report: PaymentReport): {
  groups: Record<string, unknown>[];
  units: Record<string, unknown>[];
  parameters: Record<string, unknown>;
} {
  return {
    groups: report.groups.map((g) => ({ group: g.group, name: g.name, ...figures(g) })),
    units: report.units.flatMap((t) => t.rows.map((u) => ({ dimension: t.dimension, unit: u.group, ...figures(u) }))),
    parameters: paymentParameters(report),
  };
}
