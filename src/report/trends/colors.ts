/** The colours of the trends and quality sheet: highlight pairs, risk level fills, curve flag colours. */
import { FILLS, HIGHLIGHTS, SERIES_COLORS } from "../layout/palette";
import { CurveFlag } from "./types";

export const RED = HIGHLIGHTS.bad;
export const AMBER = HIGHLIGHTS.caution;
export const BLUE = HIGHLIGHTS.info;
/** Fills of the mortality risk levels 0 (none) to 4 (high): grey, green, pale yellow, pale orange, red. */
export const RISK_FILLS = [FILLS.grey, FILLS.green, FILLS.paleYellow, FILLS.paleOrange, FILLS.red];
export const FLAG_COLORS: Record<CurveFlag, string> = {
  high: SERIES_COLORS.red,
  low: SERIES_COLORS.blue,
  inLine: SERIES_COLORS.green,
  notFitted: SERIES_COLORS.grey,
  noModel: SERIES_COLORS.grey,
};
