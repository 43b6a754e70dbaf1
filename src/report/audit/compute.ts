/**
 * The weight-adjustment audit report's numbers (DOMAIN.md "Weight-adjustment audit"): the
 * engine's audit over the sources read from grids (`src/engine/weightAudit/fromGrid.ts`),
 * one unit table per unit column of the volume, the largest changes with their names and the
 * findings per kind. The sheets (`sheets.ts`, `parametersSheet.ts`) and the JSON (`json.ts`)
 * are made from this.
 *
 * Per unit column: total weight and CMI before and after, and the change once the adjusted
 * table is rescaled to neutrality; rows with an empty unit are left out of that unit table only.
 */
import { auditWeights, AuditResult } from "../../engine/weightAudit/audit";
import { largestChanges, WeightChange } from "../../engine/weightAudit/changes";
import { FINDING_KINDS, FindingKind } from "../../engine/weightAudit/findings";
import { AuditTableSource, AuditUnitDimension, AuditVolumeSource, groupNames } from "../../engine/weightAudit/fromGrid";
import { UnitChange, unitTotal } from "../../engine/weightAudit/units";
import { CaseMixError } from "../../engine/text";
import { timedContext, TimedContext } from "../common";
import { AuditTilt, tiltedSource } from "./tilt";

export interface AuditSettings {
  /** How many of the largest relative changes are listed (findings, table and chart). */
  largestChanges: number;
  /** A relative change of the total weight up to this is not a finding. */
  neutralityTolerance: number;
}

export const DEFAULT_AUDIT_SETTINGS: Readonly<AuditSettings> = { largestChanges: 10, neutralityTolerance: 0.001 };

export interface AuditContext {
  /** CaseMix version (package.json). */
  version: string;
  /** When the audit was built (default now). */
  time?: Date;
  /** Minutes east of UTC its times are shown in (default the machine's). */
  utcOffset?: number;
}

export interface AuditSources {
  base: AuditTableSource;
  adjusted?: AuditTableSource;
  volume?: AuditVolumeSource;
  /** A policy-tilt rule (tilt.ts): the adjusted table is then the base table tilted and rescaled. */
  tilt?: string;
  /** The name of the tilt rule in messages (default "tilt"). */
  tiltArgName?: string;
}

export interface AuditUnitTable {
  dimension: AuditUnitDimension;
  /** The header of the unit column in the volume. */
  header: string;
  /** Winners first (the engine's order). */
  rows: UnitChange[];
  /** All units together (unit = ""). */
  total: UnitChange;
  /** Volume rows with an empty unit, left out of this table only. */
  emptyUnitRows: number;
}

export interface LargestChange extends WeightChange {
  /** Name from the adjusted table, else the base table; "" when neither has one. */
  name: string;
}

export interface AuditReport {
  settings: AuditSettings;
  context: TimedContext<AuditContext>;
  sources: AuditSources;
  result: AuditResult;
  /** One per unit column of the volume, when there is an adjusted table. */
  units: AuditUnitTable[];
  /** The largest relative changes (finite and not zero), largest first: the largeChange findings. */
  largest: LargestChange[];
  /** Findings per kind (every kind, 0 included). */
  counts: Record<FindingKind, number>;
  /** With a tilt rule: what the tilt did (the adjusted source is the tilted table). */
  tilt?: AuditTilt;
}

/** One table of winners and losers per unit column of the volume (only with an adjusted table). */
function unitTables(sources: AuditSources, result: AuditResult, settings: AuditSettings): AuditUnitTable[] {
  const units: AuditUnitTable[] = [];
  if (!sources.adjusted || !sources.volume || !result.neutrality) return units;
  const input = { base: sources.base.table, adjusted: sources.adjusted.table };
  const factor = result.neutrality.restoringFactor;
  for (const u of sources.volume.units) {
    // The same audit with this unit column: only its unit table is used.
    const r = auditWeights(
      { ...input, volume: { ...sources.volume.volume, units: u.values } },
      { neutralityTolerance: settings.neutralityTolerance, largestChanges: 0 },
    );
    const rows = r.units ?? [];
    units.push({
      dimension: u.dimension,
      header: u.header,
      rows,
      total: unitTotal(rows, factor),
      emptyUnitRows: r.volumeSkipped?.emptyKey ?? 0,
    });
  }
  return units;
}

/**
 * Runs the audit over the sources; see the module comment. With a tilt rule (and no adjusted
 * table: both is an error) the adjusted table is the tilted base table (tilt.ts). Throws the engine's errors (a
 * weight that is not a number, a code listed twice with different weights), naming the source
 * and the row.
 */
export function computeAuditReport(given: AuditSources, settings: AuditSettings, context: AuditContext): AuditReport {
  let sources = given;
  let tilt: AuditTilt | undefined;
  if (given.tilt !== undefined) {
    const argName = given.tiltArgName ?? "tilt";
    if (given.adjusted) {
      throw new CaseMixError("value", {
        en: `${argName}: give a tilt rule or an adjusted table, not both`,
        zh: `${argName}：倾斜规则与调整后权重表只能给一个`,
      });
    }
    const tilted = tiltedSource(given.base, given.tilt, given.volume, argName);
    sources = { ...given, adjusted: tilted.adjusted };
    tilt = tilted.tilt;
  }
  const input = { base: sources.base.table, adjusted: sources.adjusted?.table, volume: sources.volume?.volume };
  const options = { largestChanges: settings.largestChanges, neutralityTolerance: settings.neutralityTolerance };
  const result = auditWeights(input, options);
  const names = groupNames([sources.base, sources.adjusted]);
  const largest = largestChanges(result.changes, settings.largestChanges).map((c): LargestChange => ({
    ...c,
    name: names.get(c.code) ?? "",
  }));
  const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
  for (const f of result.findings) counts[f.kind]++;
  return {
    settings,
    context: timedContext(context),
    sources,
    result,
    units: unitTables(sources, result, settings),
    largest,
    counts,
    ...(tilt ? { tilt } : {}),
  };
}
