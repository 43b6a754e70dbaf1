/**
 * `casemix audit <weights.csv> [--adjusted other.csv | --tilt "rw>=2: 1.1"] [--volume cases.csv]
 * [--json] [--out audit.xlsx] [--lang zh|en]`: the weight-adjustment audit of the taskpane (same
 * engine, same workbook model, src/report/audit/) from files, into an .xlsx file or
 * JSON.
 *
 * Files are CSV (any encoding readInput detects) or .xlsx (first sheet). Weight tables: the
 * code and weight columns are found by their headers (drg_code / weight, DRG编码 / 权重, ...)
 * with the names when present; the Harbin catalogues are read as they are. The volume is a
 * case file (one row a case) or a group + count table, with optional hospital, hospital level
 * and department columns. With --tilt the adjusted table is the base table tilted by the rule
 * and rescaled to the same total weight over the volume (src/report/audit/tilt.ts).
 */
import { catalogueNote } from "../../report/audit/summary";
import * as path from "path";
import { Lang, countOf } from "../../engine/text";
import { FINDING_KINDS } from "../../engine/weightAudit/findings";
import { auditTableFromGrid, auditVolumeFromGrid, GridOrigin } from "../../engine/weightAudit/fromGrid";
import { AuditReport, AuditSettings, computeAuditReport, DEFAULT_AUDIT_SETTINGS } from "../../report/audit/compute";
import { auditJson } from "../../report/audit/json";
import { auditWorkbook } from "../../report/audit/sheets";
import { FINDING_LABELS } from "../../words/auditFindings";
import { commandArgs, langOption, nonNegativeOption, usage } from "../args";
import { Command, ReportCommand, ReportCommandOptions, runReportCommand } from "../commandRunner";
import { readInput } from "../readInput";

export interface AuditCliOptions extends ReportCommandOptions {
  input: string;
  adjusted?: string;
  /** A policy-tilt rule instead of an adjusted table. */
  tilt?: string;
  volume?: string;
  settings: AuditSettings;
}

const AUDIT_OPTIONS = new Set([
  "adjusted",
  "tilt",
  "volume",
  "json",
  "out",
  "force",
  "lang",
  "largest",
  "tolerance",
  "help",
]);

/** Parses the arguments after `casemix audit`; `defaultLang` is the language already chosen. */
export function parseAuditArgs(argv: readonly string[], defaultLang: Lang): AuditCliOptions {
  const args = commandArgs(argv, AUDIT_OPTIONS, new Set(["json", "force", "help"]), "casemix --help");
  const { positional, one } = args;
  if (positional.length !== 1) {
    usage(
      positional.length === 0
        ? "give the weight table: casemix audit <weights.csv> [--adjusted other.csv] [--volume cases.csv]"
        : `one weight table only (the other goes after --adjusted), got ${positional.join(", ")}`,
      positional.length === 0
        ? "请给出权重表：casemix audit <weights.csv> [--adjusted other.csv] [--volume cases.csv]"
        : `只能给一个权重表（另一个请放在 --adjusted 之后），收到 ${positional.join("、")}`,
    );
  }
  const lang = langOption(one("lang"), defaultLang);
  const tilt = one("tilt");
  if (tilt !== undefined && one("adjusted") !== undefined)
    usage(
      "give --tilt or --adjusted, not both: the tilt makes the adjusted table from the base table",
      "--tilt 与 --adjusted 只能给一个：倾斜规则由基准权重表生成调整后权重表",
    );
  if (tilt !== undefined && tilt.trim() === "")
    usage(
      '--tilt: give a rule such as "rw>=2: 1.1; rw<0.8: 0.95"',
      '--tilt：请给出规则，如 "rw>=2: 1.1; rw<0.8: 0.95"',
    );
  const number = (name: string, fallback: number, integer: boolean): number =>
    nonNegativeOption(args, name, fallback, integer);
  return {
    input: positional[0],
    adjusted: one("adjusted"),
    tilt,
    volume: one("volume"),
    json: one("json") === "true",
    out: one("out"),
    force: one("force") === "true",
    lang,
    settings: {
      largestChanges: number("largest", DEFAULT_AUDIT_SETTINGS.largestChanges, true),
      neutralityTolerance: number("tolerance", DEFAULT_AUDIT_SETTINGS.neutralityTolerance, false),
    },
  };
}

async function origin(
  file: string,
): Promise<{ grid: Awaited<ReturnType<typeof readInput>>["grid"]; origin: GridOrigin }> {
  const input = await readInput(file);
  return {
    grid: input.grid,
    origin: { source: file, sheet: input.sheet, encoding: input.encoding, argName: path.basename(file) },
  };
}

/** Reads the files and runs the audit (without writing anything). */
export async function buildAudit(o: AuditCliOptions, version: string, time?: Date): Promise<AuditReport> {
  const base = await origin(o.input);
  const adjusted = o.adjusted !== undefined ? await origin(o.adjusted) : undefined;
  const volume = o.volume !== undefined ? await origin(o.volume) : undefined;
  return computeAuditReport(
    {
      base: auditTableFromGrid(base.grid, base.origin),
      adjusted: adjusted ? auditTableFromGrid(adjusted.grid, adjusted.origin) : undefined,
      volume: volume ? auditVolumeFromGrid(volume.grid, volume.origin) : undefined,
      tilt: o.tilt,
      tiltArgName: "--tilt",
    },
    o.settings,
    { version, time },
  );
}

/** The lines printed on stderr after an audit written to a file. */
export function auditSummary(report: AuditReport, out: string | undefined, lang: Lang): string {
  const r = report.result;
  const zh = lang === "zh";
  const kinds = FINDING_KINDS.filter((k) => report.counts[k] > 0).map(
    (k) => `${FINDING_LABELS[k][lang]} ${report.counts[k]}`,
  );
  let text = out ? (zh ? `已写出 ${out}\n` : `Wrote ${out}\n`) : "";
  text += zh
    ? `已检查 ${r.checked.baseGroups} 个病组` +
      (r.checked.adjustedGroups !== undefined ? `（调整后 ${r.checked.adjustedGroups} 个）` : "")
    : `${countOf(r.checked.baseGroups, "group")} checked` +
      (r.checked.adjustedGroups !== undefined ? ` (adjusted: ${r.checked.adjustedGroups})` : "");
  text += zh ? `；发现 ${r.findings.length} 项` : `; ${countOf(r.findings.length, "finding")}`;
  if (kinds.length > 0) text += zh ? `：${kinds.join("、")}` : `: ${kinds.join(", ")}`;
  const n = r.neutrality;
  if (n && Number.isFinite(n.relativeChange)) {
    const pct = `${n.relativeChange > 0 ? "+" : ""}${(n.relativeChange * 100).toFixed(2)}%`;
    text += zh
      ? `；总权重变化 ${pct}，还原系数 ${n.restoringFactor.toPrecision(8)}`
      : `; total weight ${pct}, restoring factor ${n.restoringFactor.toPrecision(8)}`;
  }
  const t = report.tilt;
  if (t) {
    const matched = t.clauses.reduce((a, c) => a + c.groups.length, 0);
    text += zh
      ? `；政策倾斜 ${matched} 个病组，中性系数 ${t.factor.toPrecision(10)}`
      : `; tilt of ${countOf(matched, "group")}, neutrality factor ${t.factor.toPrecision(10)}`;
  }
  const note = catalogueNote(report, lang);
  return text + "\n" + (note ? note + "\n" : "");
}

const AUDIT: ReportCommand<AuditCliOptions, AuditReport> = {
  parse: parseAuditArgs,
  defaultOut: "audit.xlsx",
  inputs: (o) => [o.input, o.adjusted, o.volume],
  build: (o, version) => buildAudit(o, version),
  workbook: auditWorkbook,
  json: auditJson,
  summary: auditSummary,
};

/** `casemix audit ...`: returns the exit code (0 also when there are findings). */
export const runAudit: Command = (argv, context) => runReportCommand(AUDIT, argv, context);
