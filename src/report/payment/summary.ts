/**
 * The summary at the top of the DRG P&L sheet: the source, cases, groups, expected revenue,
 * cost, balance and its rate, the groups losing money and the largest loss; then, when the data
 * has a settlement column, the expected revenue against the actual settlement.
 *
 *     // the example of test/report/payment/paymentCases.ts: 19 cases, 3 groups, expected
 *     // revenue 187,250, cost 190,000, balance -2,750, 1 group losing (AD11 丙组: -4,750)
 */
import { Lang } from "../../engine/text";
import { colon, formatNumber, paren } from "../common";
import { label } from "../i18n";
import { ColumnType, KeyValueBlock } from "../model";
import { keyValueBlock, ParameterRow } from "../parameterRows";
import { largestLoss } from "./compute";
import { PAYMENT_COST_LABELS, paymentLabel } from "./labels";
import { PaymentReport } from "./types";

export function summaryBlock(report: PaymentReport, lang: Lang): KeyValueBlock {
  const L = (k: Parameters<typeof paymentLabel>[0]) => paymentLabel(k, lang);
  const c = report.context;
  const t = report.total;
  const source = c.sheet ? `${c.source}${paren(`${label("sheet", lang)}${colon(lang)}${c.sheet}`, lang)}` : c.source;
  const loss = largestLoss(report.groups);
  const lossText = loss
    ? `${loss.group}${loss.name ? ` ${loss.name}` : ""}${colon(lang)}${formatNumber(loss.balance, 2, lang)}`
    : L("none");
  const rows: [ParameterRow, ColumnType | undefined][] = [
    [[label("source", lang), source], undefined],
    [[L("cases"), t.cases], "integer"],
    [[L("normal"), t.normal], "integer"],
    [[L("high"), t.high], "integer"],
    [[L("low"), t.low], "integer"],
    [[L("groups"), report.groups.length], "integer"],
    [[L("revenue"), t.revenue], "money"],
    [[PAYMENT_COST_LABELS[report.settings.layer][lang], t.cost], "money"],
    [[L("balance"), t.balance], "money"],
    [[L("rate"), Number.isFinite(t.rate) ? t.rate : null], "percent"],
    [[L("groupsLosing"), report.groups.filter((g) => g.balance < 0).length], "integer"],
    [[L("largestLoss"), lossText], undefined],
  ];
  return keyValueBlock(
    L("summary"),
    rows.map((r) => r[0]),
    rows.map((r) => r[1]),
  );
}

/** The expected revenue against the settlement columns, or undefined when the data has none. */
export function settlementBlock(report: PaymentReport, lang: Lang): KeyValueBlock | undefined {
  const s = report.settlement;
  if (!s) return undefined;
  const L = (k: Parameters<typeof paymentLabel>[0]) => paymentLabel(k, lang);
  const rows: ParameterRow[] = [
    [L("expected"), s.expected],
    [L("insurance"), s.insurance],
    ...(s.patient !== undefined ? [[L("patient"), s.patient] as ParameterRow] : []),
    [L("actual"), s.actual],
    [L("difference"), s.difference],
  ];
  return keyValueBlock(
    L("settlement"),
    rows,
    rows.map(() => "money" as const),
  );
}
