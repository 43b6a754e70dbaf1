/** The colours of the trends and quality sheet: highlight pairs, risk level fills, curve flag colours. */
import { CurveFlag } from "./types";

export const RED = { fill: "#FFC7CE", font: "#9C0006" };
export const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
export const BLUE = { fill: "#DDEBF7", font: "#1F4E78" };
export const RISK_FILLS = ["#EDEDED", "#C6EFCE", "#FFF2CC", "#FCE4D6", "#FFC7CE"];
export const FLAG_COLORS: Record<CurveFlag, string> = {
  high: "#C62828",
  low: "#1F77B4",
  inLine: "#2E7D32",
  notFitted: "#9E9E9E",
  noModel: "#9E9E9E",
};
