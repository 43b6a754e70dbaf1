/** The JSON of `casemix audit --json`: the audit report as plain data, NaN as null. */
import { Lang } from "../../engine/text";
import { AuditResult } from "../../engine/weightAudit/audit";
import { Finding } from "../../engine/weightAudit/findings";
import { AuditTableSource, AuditVolumeSource } from "../../engine/weightAudit/fromGrid";
import { findingDetail, FINDING_LABELS } from "../../words/auditFindings";
import { jsonNumber } from "../common";
import { AuditReport } from "./compute";
import { AuditTilt } from "./tilt";

function sourceJson(s: AuditTableSource | AuditVolumeSource): Record<string, unknown> {
  const common = {
    source: s.source,
    sheet: s.sheet ?? null,
    encoding: s.encoding ?? null,
    headerRow: s.headerRow,
    columns: s.columns,
    rowsRead: s.rowsRead,
    skipped: s.skipped,
  };
  if ("table" in s) return { ...common, groups: s.groups, rowsWithoutWeight: s.rowsWithoutWeight };
  return { ...common, units: s.units.map((u) => u.dimension) };
}

/** The audit's settings and bookkeeping as plain JSON (the `parameters` of --json). */
export function auditParameters(report: AuditReport): Record<string, unknown> {
  const r = report.result;
  const volume = report.sources.volume;
  return {
    version: report.context.version,
    time: report.context.time.toISOString(),
    largestChanges: report.settings.largestChanges,
    neutralityTolerance: report.settings.neutralityTolerance,
    base: sourceJson(report.sources.base),
    adjusted: report.sources.adjusted ? sourceJson(report.sources.adjusted) : null,
    volume: volume
      ? { ...sourceJson(volume), cases: r.checked.volumeCases ?? 0, skippedByAudit: r.volumeSkipped ?? null }
      : null,
    checked: r.checked,
    counts: report.counts,
  };
}

/** One finding of `result` as JSON, its label and detail in `lang`. */
function findingJson(f: Finding, result: AuditResult, lang: Lang): Record<string, unknown> {
  return {
    kind: f.kind,
    label: FINDING_LABELS[f.kind][lang],
    table: f.table,
    family: f.family,
    groups: f.groups,
    weights: f.weights.map(jsonNumber),
    levels: f.levels ?? null,
    size: jsonNumber(f.size),
    cases: f.cases ?? null,
    detail: findingDetail(f, result, lang),
  };
}

/**
 * The JSON of `casemix audit --json`: findings, neutrality (null without an adjusted table),
 * the largest changes, the unit rows (with their dimension), the parameters and the catalogue
 * comparison (codes in common and in one table only; null without an adjusted table), and with a
 * tilt rule the tilt (tilt.ts). NaN becomes null.
 */
export function auditJson(
  report: AuditReport,
  lang: Lang,
): {
  findings: Record<string, unknown>[];
  neutrality: Record<string, unknown> | null;
  largestChanges: Record<string, unknown>[];
  units: Record<string, unknown>[];
  parameters: Record<string, unknown>;
  catalogue: Record<string, unknown> | null;
  tilt?: Record<string, unknown>;
} {
  const n = report.result.neutrality;
  const c = report.result.catalogue;
  return {
    findings: report.result.findings.map((f) => findingJson(f, report.result, lang)),
    neutrality: n
      ? {
          weighting: n.weighting,
          totalBefore: n.totalBefore,
          totalAfter: n.totalAfter,
          relativeChange: jsonNumber(n.relativeChange),
          restoringFactor: jsonNumber(n.restoringFactor),
          casesCovered: n.casesCovered,
          casesWithoutWeight: n.casesWithoutWeight,
          groupsWithoutWeight: n.groupsWithoutWeight,
          withinTolerance: Math.abs(n.relativeChange) <= report.settings.neutralityTolerance,
        }
      : null,
    largestChanges: report.largest.map((c) => ({
      code: c.code,
      name: c.name,
      family: c.family,
      before: c.before,
      after: c.after,
      change: c.change,
      relative: jsonNumber(c.relative),
      cases: c.cases ?? null,
    })),
    units: report.units.flatMap((t) =>
      t.rows.map((u) => ({
        dimension: t.dimension,
        unit: u.unit,
        cases: u.cases,
        casesWithoutWeight: u.casesWithoutWeight,
        totalWeightBefore: u.totalWeightBefore,
        totalWeightAfter: u.totalWeightAfter,
        cmiBefore: jsonNumber(u.cmiBefore),
        cmiAfter: jsonNumber(u.cmiAfter),
        change: jsonNumber(u.change),
        changeAtNeutral: jsonNumber(u.changeAtNeutral),
      })),
    ),
    parameters: auditParameters(report),
    catalogue: c
      ? {
          baseCodes: c.baseCodes,
          adjustedCodes: c.adjustedCodes,
          common: c.common,
          onlyInBase: c.onlyInBase,
          onlyInAdjusted: c.onlyInAdjusted,
          overlap: c.overlap,
          threshold: c.threshold,
          differentVersions: c.differentVersions,
        }
      : null,
    ...(report.tilt ? { tilt: tiltJson(report.tilt) } : {}),
  };
}

/** The policy tilt as JSON: the rule, each clause with the groups it matched, the factor and the totals. */
function tiltJson(t: AuditTilt): Record<string, unknown> {
  return {
    rule: t.rule,
    clauses: t.clauses.map((c) => ({ clause: c.clause, factor: c.factor, groups: c.groups })),
    unmatched: t.unmatched,
    weighting: t.weighting,
    factor: jsonNumber(t.factor),
    totalBefore: t.totalBefore,
    totalTilted: t.totalTilted,
    totalAfter: t.totalAfter,
  };
}
