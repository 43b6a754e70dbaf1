/** The name and time each report prints in its pages' footer (layout/pageSetup.ts). */
import { Lang, Text } from "../engine/text";
import { localTimeText } from "./localTime";
import { WorkbookModel } from "./model";

export type ReportKind = "quadrant" | "audit" | "trends" | "payment" | "compare";

const t = (en: string, zh: string): Text => ({ en, zh });

export const REPORT_TITLES: Record<ReportKind, Text> = {
  quadrant: t("CaseMix DRG four-quadrant analysis and incentives", "CaseMix DRG 四象限分析与绩效激励"),
  audit: t("CaseMix weight table audit", "CaseMix 权重审核"),
  trends: t("CaseMix trends and quality", "CaseMix 趋势与质量"),
  payment: t("CaseMix DRG payment profit and loss", "CaseMix DRG 支付盈亏"),
  compare: t("CaseMix two DRG versions compared", "CaseMix DRG 版本对比"),
};

/** The footer's report name and local build time of a report. */
export function printInfo(
  kind: ReportKind,
  context: { time: Date; utcOffset: number },
  lang: Lang,
): NonNullable<WorkbookModel["print"]> {
  return { title: REPORT_TITLES[kind][lang], time: localTimeText(context.time, context.utcOffset) };
}
