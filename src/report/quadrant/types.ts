/** The computed four-quadrant and incentive report: what `computeQuadrantReport` returns. */
import { Quadrant } from "../../engine/quadrants";
import { ReportBookkeeping } from "../common";
import { SkipReason } from "../i18n";
import { QuadrantSettings, UnitDimension } from "./settings";

export interface GroupRow {
  group: string;
  name: string;
  cases: number;
  rw: number;
  revenue: number;
  cost: number;
  contribution: number;
  /** NaN when the group has no revenue. */
  rate: number;
  quadrant: Quadrant;
  coefficient: number;
  /** cases x RW x coefficient. */
  points: number;
}

export interface UnitRow {
  /** 1 for the largest amount; equal amounts share a rank (as Excel's RANK.EQ); 0 on the total row. */
  rank: number;
  unit: string;
  /** Doctor tables only, when the data has a department column: the department with most of the doctor's cases. */
  department?: string;
  cases: number;
  totalWeight: number;
  cmi: number;
  points: number;
  amount: number;
}

/** A doctor whose cases are in several departments, with the cases in each (most first). */
export interface SeveralDepartments {
  doctor: string;
  departments: { department: string; cases: number }[];
}

export interface UnitTable {
  dimension: UnitDimension;
  /** By amount, largest first (equal amounts in name order). */
  rows: UnitRow[];
  /** Doctor tables only: the doctors working in several departments, in table order. */
  severalDepartments?: SeveralDepartments[];
  total: UnitRow;
  /** Rows with an empty unit cell, left out of this table. */
  emptyUnitRows: number;
}

export interface HospitalTotals {
  cases: number;
  totalWeight: number;
  cmi: number;
  groups: number;
  revenue: number;
  cost: number;
  contribution: number;
  rate: number;
  points: number;
}

export interface QuadrantReport extends ReportBookkeeping<SkipReason> {
  settings: QuadrantSettings;
  /** The years of the cases analysed, oldest first (empty when the data has no year). */
  years: string[];
  hospital: HospitalTotals;
  cuts: { x: number; y: number };
  quadrantCounts: Record<Quadrant, number>;
  /** Sorted by quadrant (strategic, competitive, suitable, weak, unclassified), then by code. */
  groups: GroupRow[];
  units: UnitTable[];
}
