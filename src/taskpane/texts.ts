/**
 * The strings of the three views, looked up by one function each and named by whose they are:
 * `pane` (shared by the views, and the quadrant view's own), `audit`, `trends` and `payment`.
 *
 *     const say = textsIn("en");
 *     say.trends("yearsFound", { years: "2023, 2024" })  // "Years in the data: 2023, 2024"
 */
import { Lang } from "../engine/text";
import { AuditStringKey, auditText } from "./auditI18n";
import { paneText, StringKey } from "./i18n";
import { PaymentStringKey, paymentText } from "./paymentI18n";
import { TrendsStringKey, trendsText } from "./trendsI18n";

type Params = Record<string, string | number>;

export interface Texts {
  lang: Lang;
  /** Between items of a list in a sentence. */
  listSeparator: string;
  pane: (key: StringKey, params?: Params) => string;
  audit: (key: AuditStringKey, params?: Params) => string;
  trends: (key: TrendsStringKey, params?: Params) => string;
  payment: (key: PaymentStringKey, params?: Params) => string;
}

export function textsIn(lang: Lang): Texts {
  return {
    lang,
    listSeparator: lang === "zh" ? "、" : ", ",
    pane: (key, params) => paneText(lang, key, params),
    audit: (key, params) => auditText(lang, key, params),
    trends: (key, params) => trendsText(lang, key, params),
    payment: (key, params) => paymentText(lang, key, params),
  };
}
