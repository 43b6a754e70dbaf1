/** The "monitor" part of `casemix trends --json`: every period, the hospital and each unit. */
import { Lang } from "../../engine/text";
import { jsonNumber } from "../common";
import { MonitorIndicator, MonitorPart, MonitorRow } from "./monitorTypes";

/** A row's numbers for JSON (NaN null); an indicator the data cannot give is left out. */
function monitorRow(r: MonitorRow, missing: Partial<Record<MonitorIndicator, unknown>>, unit: boolean) {
  const out: Record<string, unknown> = { period: r.period };
  if (unit) out.unit = r.unit;
  out.cases = r.cases;
  out.totalWeight = jsonNumber(r.totalWeight);
  out.cmi = jsonNumber(r.cmi);
  for (const id of ["timeIndex", "costIndex", "drugIndex", "materialIndex"] as const)
    if (!missing[id]) out[id] = jsonNumber(r[id]);
  if (!missing.lowRiskMortality) {
    out.lowRiskCases = r.lowRiskCases;
    out.lowRiskDeaths = r.lowRiskDeaths;
    out.lowRiskMortality = jsonNumber(r.lowRiskMortality);
  }
  return out;
}

/** `{ available: false, reason }` without periods; else the periods, hospital, units and rows. */
export function monitorJson(m: MonitorPart, lang: Lang): Record<string, unknown> {
  if (!m.available) return { available: false, reason: m.reason[lang] };
  const overall = monitorRow(m.overall, m.missing, false);
  delete overall.period;
  return {
    available: true,
    period: m.period,
    source: m.source,
    benchmark: "group means over every row of the monitor (all periods)",
    periods: m.periods,
    missing: Object.fromEntries(Object.entries(m.missing).map(([k, v]) => [k, v[lang]])),
    blankValues: m.blankValues,
    hospital: m.hospital.map((r) => monitorRow(r, m.missing, false)),
    overall,
    units: m.units.map((r) => monitorRow(r, m.missing, true)),
    chartUnits: m.chartUnits,
    rows: m.rows,
  };
}
