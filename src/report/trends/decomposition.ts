/**
 * (b) CMI change between the periods with one weight table (DOMAIN.md "CMI change
 * decomposition"): mix across ADRGs + severity inside ADRGs (cmiDecomposition.ts), overall, per
 * unit, and the ADRGs contributing most.
 */
import { CaseTable } from "../../engine/caseTable";
import { decomposeCmi, DecompositionRow } from "../../engine/cmiDecomposition";
import { compareCodes, Interned } from "../../engine/codes";
import { WeightTable } from "../../engine/weightTable";
import { skipCounter } from "../common";
import { TrendsSettings } from "./settings";
import { DecompositionSection, DecompositionUnitRow, Driver, TrendsSkip } from "./types";

/** The row with its larger term named (by size); none when a term is not finite or both are 0. */
function withDriver(r: DecompositionRow): DecompositionUnitRow {
  let driver: Driver = "";
  if (Number.isFinite(r.mix) && Number.isFinite(r.severity) && (r.mix !== 0 || r.severity !== 0)) {
    driver = Math.abs(r.severity) > Math.abs(r.mix) ? "severity" : "mix";
  }
  return { ...r, driver };
}

/** Section (b) from the rows' cases (0 when left out) and periods (0 before, 1 after, -1 neither). */
export function decomposition(
  table: CaseTable,
  settings: TrendsSettings,
  unit: Interned,
  cases: Float64Array,
  period: Int8Array,
  weights: WeightTable,
  weightById: Float64Array,
  beforeYear: string,
  afterYear: string,
): DecompositionSection {
  const skipped: Partial<Record<TrendsSkip, number>> = {};
  const bump = skipCounter(skipped);
  const ids = table.groups.ids;
  const yearIds = (table.years as Interned).ids;
  const p = new Float64Array(period.length).fill(-1);
  let rowsBefore = 0;
  let rowsAfter = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(cases[i] > 0)) continue;
    if (period[i] < 0) {
      bump(yearIds[i] < 0 ? "noYear" : "otherYear");
      continue;
    }
    if (weightById[ids[i]] !== weightById[ids[i]]) {
      bump("noWeight");
      continue;
    }
    p[i] = period[i];
    if (period[i] === 0) rowsBefore++;
    else rowsAfter++;
  }
  const input = { groups: table.groups, period: p, counts: cases };
  const all = decomposeCmi(input, weights, { missing: "exclude" });
  const byUnit = decomposeCmi({ ...input, by: unit }, weights, { missing: "exclude" });
  bump("emptyUnit", byUnit.skipped.emptyKey);
  const adrgs = all.adrgs
    .slice()
    .sort((a, b) => Math.abs(b.mix + b.severity) - Math.abs(a.mix + a.severity) || compareCodes(a.adrg, b.adrg))
    .slice(0, Math.max(0, settings.topAdrgs));
  return {
    available: true,
    before: beforeYear,
    after: afterYear,
    overall: withDriver(all.overall),
    units: (byUnit.rows ?? []).map(withDriver),
    adrgs,
    adrgCount: all.adrgs.length,
    rowsBefore,
    rowsAfter,
    rows: { used: rowsBefore + rowsAfter, skipped },
  };
}
