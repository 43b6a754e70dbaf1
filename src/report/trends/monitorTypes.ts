/** The monitor section of the trends report: its indicators per period, per unit and for the hospital. */
import { Text } from "../../engine/text";
import { SectionRows, Unavailable } from "./sectionTypes";

/** How rows are put into periods: the year, the quarter or the month of the discharge date, or a period column. */
export type TrendsPeriod = "year" | "quarter" | "month" | "column";

export const TRENDS_PERIODS: readonly TrendsPeriod[] = ["year", "quarter", "month", "column"];

/** The indicators that need a column the data may not have. */
export type MonitorIndicator = "timeIndex" | "costIndex" | "drugIndex" | "materialIndex" | "lowRiskMortality";

export const MONITOR_INDICATORS: readonly MonitorIndicator[] = [
  "timeIndex",
  "costIndex",
  "drugIndex",
  "materialIndex",
  "lowRiskMortality",
];

export interface MonitorRow {
  period: string;
  /** "" for the hospital. */
  unit: string;
  cases: number;
  totalWeight: number;
  /** NaN without a case. */
  cmi: number;
  /** Efficiency indices against the group means of every row of the monitor; NaN when unavailable. */
  timeIndex: number;
  costIndex: number;
  drugIndex: number;
  materialIndex: number;
  lowRiskCases: number;
  lowRiskDeaths: number;
  /** NaN without a low-risk case or without a died column. */
  lowRiskMortality: number;
}

export interface MonitorSection {
  available: true;
  period: TrendsPeriod;
  /** The header the periods come from (出院日期, 年度, 统计期). */
  source: string;
  /** Distinct periods, in order. */
  periods: string[];
  /** The hospital in each period, in period order. */
  hospital: MonitorRow[];
  /** Each unit in each period it has cases in: period order, then units in display order. */
  units: MonitorRow[];
  /** Every period together (the efficiency indices are then 1 by construction). */
  overall: MonitorRow;
  /** Indicators the data cannot give, and why. */
  missing: Partial<Record<MonitorIndicator, Text>>;
  /** Rows of the monitor left out of an index because its value (days, cost) is blank; only those above 0. */
  blankValues: Partial<Record<MonitorIndicator, number>>;
  /** The units drawn on the line chart beside the hospital: the most cases first (at most 5). */
  chartUnits: string[];
  rows: SectionRows;
}

export type MonitorPart = MonitorSection | Unavailable;
