/** The computed two-versions comparison: what `computeCompareReport` returns. */
import { CmiCompareRow, CompareRowSkip, GroupCrosswalk, GroupPair } from "../../engine/cmiCompare";
import { ReportBookkeeping } from "../common";
import { CompareSettings, CompareUnit } from "./settings";

/** Why rows were left out, each row counted once (emptyUnit: of the unit table only). */
export type CompareSkip = "blankRow" | CompareRowSkip | "emptyUnit";

export interface ComparePairRow extends GroupPair {
  /** The name of group A in the case file, "" when it has none. */
  name: string;
}

export interface CompareUnitTable {
  dimension: CompareUnit;
  /** By total weight change, largest loss first (ties by unit). */
  rows: CmiCompareRow[];
  /** Compared cases with an empty unit cell: in the hospital's figures, not in a unit's. */
  emptyUnitRows: number;
}

export interface CompareReport extends ReportBookkeeping<CompareSkip> {
  settings: CompareSettings;
  /** Where version B's groups come from: the file's second group column, or A's groups. */
  groupsB: "column" | "same";
  /** The hospital: every compared case. */
  overall: CmiCompareRow;
  units?: CompareUnitTable;
  crosswalk: Omit<GroupCrosswalk, "pairs"> & { pairs: ComparePairRow[] };
  /** Groups without a weight in table B (left out with missing = "exclude"); A's are in `weights`. */
  missingCodesB: string[];
}

/** ΔCMI / CMI A: the relative change (NaN without a CMI A). */
export function cmiChangeRate(r: CmiCompareRow): number {
  return r.a.cmi > 0 ? r.cmiChange / r.a.cmi : NaN;
}

/** Regrouped cases / compared cases (NaN without a case). */
export function regroupedShare(report: Pick<CompareReport, "crosswalk">): number {
  const c = report.crosswalk;
  return c.cases > 0 ? c.regroupedCases / c.cases : NaN;
}
