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
  unit: string;
  cases: number;
  totalWeight: number;
  cmi: number;
  points: number;
  amount: number;
}

export interface UnitTable {
  dimension: UnitDimension;
  rows: UnitRow[];
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
  hospital: HospitalTotals;
  cuts: { x: number; y: number };
  quadrantCounts: Record<Quadrant, number>;
  /** Sorted by quadrant (strategic, competitive, suitable, weak, unclassified), then by code. */
  groups: GroupRow[];
  units: UnitTable[];
}
