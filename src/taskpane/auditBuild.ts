/**
 * What the Build button of the "Audit weights" view does, apart from the screen: read the
 * chosen sources (base table, optional adjusted table, optional case volume), run the audit
 * (src/report/audit/compute.ts), ask about same-named sheets, write the audit sheets. The steps
 * take the Excel calls as arguments (`AuditBuildDeps`), so the tests drive the whole build
 * through the office-addin-mock context and the view passes `Excel.run` and
 * `renderIntoWorkbook` (new sheets only, one undo group).
 */
import { gridFromRows } from "../engine/caseTable";
import { CaseMixError, Lang } from "../engine/text";
import { FINDING_KINDS } from "../engine/weightAudit/findings";
import {
  AuditTableSource,
  AuditVolumeSource,
  auditTableFromGrid,
  auditVolumeFromGrid,
} from "../engine/weightAudit/fromGrid";
import { AuditReport, AuditSettings, computeAuditReport } from "../report/audit/compute";
import { AUDIT_LABELS } from "../report/audit/labels";
import { auditWorkbook } from "../report/audit/sheets";
import { FINDING_LABELS } from "../words/auditFindings";
import { RenderResult } from "../report/excel/options";
import { WorkbookModel } from "../report/model";
import { AuditStringKey, auditText } from "./auditI18n";
import { VERSION } from "./version";
import { DataSource, ReadCancelled, readSource, SourceData } from "./excelData";
import { formatNumber } from "./i18n";
import { parseNumber } from "./settings";
import { ReportDeps, outcomeLines, pauseForUi, writeReport } from "./writeReport";

export type AuditRole = "base" | "adjusted" | "volume";
export const AUDIT_ROLES: readonly AuditRole[] = ["base", "adjusted", "volume"];

/** Where a source comes from, and its cells when they have been read already. */
export interface AuditPick {
  source: DataSource;
  data?: SourceData;
}

/** The sources of a Build; `tilt`, a policy-tilt rule used when there is no adjusted table. */
export type AuditPicks = { base: AuditPick } & Partial<Record<"adjusted" | "volume", AuditPick>> & { tilt?: string };

/** The grid origin of values read from the workbook: the address, the sheet, the first row. */
function originOf(data: SourceData) {
  return { source: data.address, sheet: data.sheet, firstRow: data.rowIndex + 1, argName: data.address };
}

/** A weight table from the values read (header row found by its words, see src/engine/weightTableGrid.ts). */
export function auditTableOf(data: SourceData): AuditTableSource {
  return auditTableFromGrid(gridFromRows(data.values), originOf(data));
}

/** A case volume from the values read. */
export function auditVolumeOf(data: SourceData): AuditVolumeSource {
  return auditVolumeFromGrid(gridFromRows(data.values), originOf(data));
}

/** The audit and its workbook model from the values read. */
export function auditReportOf(
  data: { base: SourceData; adjusted?: SourceData; volume?: SourceData },
  settings: AuditSettings,
  lang: Lang,
  time?: Date,
  tilt?: string,
): { report: AuditReport; model: WorkbookModel } {
  const report = computeAuditReport(
    {
      base: auditTableOf(data.base),
      adjusted: data.adjusted ? auditTableOf(data.adjusted) : undefined,
      volume: data.volume ? auditVolumeOf(data.volume) : undefined,
      tilt: tilt !== undefined && tilt.trim() !== "" ? tilt : undefined,
      tiltArgName: AUDIT_LABELS.tiltRule[lang],
    },
    settings,
    { version: VERSION, time },
  );
  return { report, model: auditWorkbook(report, lang) };
}

/** The form's settings as typed. */
export interface AuditForm {
  largest: string;
  tolerance: string;
  /** A policy-tilt rule, used when no adjusted table is compared; blank: none. */
  tilt?: string;
}

export const DEFAULT_AUDIT_FORM: AuditForm = { largest: "10", tolerance: "0.001", tilt: "" };

/** Checks the form: the settings, or every error in the user's language. */
export function auditSettingsFromForm(form: AuditForm, lang: Lang): { settings?: AuditSettings; errors: string[] } {
  const errors: string[] = [];
  const read = (text: string, field: AuditStringKey, integer: boolean): number => {
    const v = parseNumber(text);
    const name = auditText(lang, field);
    if (v === undefined) errors.push(auditText(lang, "notANumber", { field: name, value: text }));
    else if (v < 0 || (integer && !Number.isInteger(v))) {
      errors.push(
        auditText(lang, "notInRange", {
          field: name,
          value: text,
          what: auditText(lang, integer ? "wholeNumber" : "number"),
        }),
      );
    }
    return v ?? NaN;
  };
  const largestChanges = read(form.largest, "largest", true);
  const neutralityTolerance = read(form.tolerance, "tolerance", false);
  return errors.length > 0 ? { errors } : { settings: { largestChanges, neutralityTolerance }, errors };
}

/** The name of a source in the messages. */
export function roleName(role: AuditRole, lang: Lang, paired: boolean): string {
  return auditText(lang, role === "base" ? (paired ? "base" : "baseAlone") : role);
}

export type AuditPhase = "reading" | "computing" | "checking" | "writing";

/** The Excel calls and the screen, as the build needs them (see writeReport.ts). */
export type AuditBuildDeps = ReportDeps;

export interface AuditBuilt {
  report: AuditReport;
  model: WorkbookModel;
  rendered: RenderResult & { grouped: boolean };
  /** The values of every source, as read (to keep for the next build). */
  data: { base: SourceData; adjusted?: SourceData; volume?: SourceData };
  syncs: number;
}

/**
 * Build: reads the sources that were not read yet (at most one of them from the current
 * selection), audits, asks about same-named sheets, writes. Throws `ReadCancelled` (also when
 * the user closes the question) or `RenderCancelled` when cancelled, nothing written.
 */
export async function buildAudit(
  picks: AuditPicks,
  settings: AuditSettings,
  lang: Lang,
  deps: AuditBuildDeps,
): Promise<AuditBuilt> {
  const paired = picks.adjusted !== undefined;
  const roles = AUDIT_ROLES.filter((r) => picks[r] !== undefined);
  const unreadSelections = roles.filter((r) => !picks[r]!.data && picks[r]!.source.kind === "selection");
  if (unreadSelections.length > 1) {
    throw new CaseMixError("value", {
      en: auditText("en", "needRead", { sources: unreadSelections.map((r) => roleName(r, "en", paired)).join(", ") }),
      zh: auditText("zh", "needRead", { sources: unreadSelections.map((r) => roleName(r, "zh", paired)).join("、") }),
    });
  }
  const progress = deps.onProgress ?? (() => undefined);
  const cancelled = deps.isCancelled ?? (() => false);
  let syncs = 0;
  const data: Partial<Record<AuditRole, SourceData>> = {};
  for (let i = 0; i < roles.length; i++) {
    const role = roles[i];
    const pick = picks[role]!;
    if (pick.data) {
      data[role] = pick.data;
      continue;
    }
    progress(auditText(lang, "phaseReading", { source: roleName(role, lang, paired) }), (0.4 * i) / roles.length);
    const read = await deps.run((context) =>
      readSource(context, pick.source, { isCancelled: cancelled, yieldToUi: deps.yieldToUi }),
    );
    syncs += read.syncs;
    data[role] = read;
  }
  progress(auditText(lang, "phaseComputing"), 0.42);
  await pauseForUi(deps);
  const all = { base: data.base!, adjusted: data.adjusted, volume: data.volume };
  const { report, model } = auditReportOf(all, settings, lang, deps.time, picks.tilt);
  if (cancelled()) throw new ReadCancelled();

  const { rendered, syncs: written } = await writeReport(model, deps, {
    checking: auditText(lang, "phaseChecking"),
    writing: (percent) => auditText(lang, "phaseWriting", { percent }),
  });
  syncs += written;
  return { report, model, rendered, data: all, syncs };
}

/** The lines of the result summary shown after a build. */
export function auditSummaryLines(
  built: Pick<AuditBuilt, "report" | "rendered">,
  lang: Lang,
  seconds: number,
): string[] {
  const { report, rendered } = built;
  const r = report.result;
  const sep = lang === "zh" ? "、" : ", ";
  const lines = [
    auditText(lang, "resultSheets", { sheets: rendered.sheets.map((s) => s.name).join(sep) }),
    auditText(lang, "resultChecked", {
      groups: formatNumber(lang, r.checked.baseGroups),
      adjusted:
        r.checked.adjustedGroups !== undefined
          ? auditText(lang, "resultAdjusted", { groups: formatNumber(lang, r.checked.adjustedGroups) })
          : "",
      families: formatNumber(lang, r.checked.families),
    }),
  ];
  const kinds = FINDING_KINDS.filter((k) => report.counts[k] > 0).map(
    (k) => `${FINDING_LABELS[k][lang]} ${formatNumber(lang, report.counts[k])}`,
  );
  lines.push(
    kinds.length > 0
      ? auditText(lang, "resultFindings", { count: formatNumber(lang, r.findings.length), list: kinds.join(sep) })
      : auditText(lang, "resultNoFindings"),
  );
  const n = r.neutrality;
  if (n) {
    const change = Number.isFinite(n.relativeChange)
      ? `${n.relativeChange > 0 ? "+" : ""}${formatNumber(lang, n.relativeChange * 100, 2)}%`
      : "—";
    lines.push(
      auditText(lang, "resultNeutrality", {
        change,
        weighting:
          n.weighting === "cases"
            ? auditText(lang, "weightingCases", { cases: formatNumber(lang, n.casesCovered) })
            : auditText(lang, "weightingGroups"),
        factor: Number.isFinite(n.restoringFactor) ? String(Number(n.restoringFactor.toPrecision(8))) : "—",
      }),
    );
  }
  const t = report.tilt;
  if (t) {
    const groups = t.clauses.reduce((a, c) => a + c.groups.length, 0);
    lines.push(
      auditText(lang, "resultTilt", {
        groups: formatNumber(lang, groups),
        factor: String(Number(t.factor.toPrecision(10))),
      }),
    );
  }
  for (const u of report.units) {
    if (u.rows.length === 0) continue;
    const byNeutral = u.rows
      .filter((x) => Number.isFinite(x.changeAtNeutral))
      .sort((a, b) => b.changeAtNeutral - a.changeAtNeutral);
    if (byNeutral.length === 0) continue;
    const pct = (x: number) => `${x > 0 ? "+" : ""}${formatNumber(lang, x * 100, 2)}%`;
    const best = byNeutral[0];
    const worst = byNeutral[byNeutral.length - 1];
    lines.push(
      auditText(lang, "resultUnits", {
        units: formatNumber(lang, u.rows.length),
        unit: AUDIT_LABELS[u.dimension][lang].toLowerCase(),
        best: best.unit,
        bestChange: pct(best.changeAtNeutral),
        worst: worst.unit,
        worstChange: pct(worst.changeAtNeutral),
      }),
    );
  }
  return [...lines, ...outcomeLines(rendered, seconds, lang)];
}
