/** The 支付参数 (Payment Parameters) sheet: everything needed to reproduce the P&L report. */
import { Lang } from "../../engine/text";
import { listText } from "../common";
import { ColumnType, SheetModel } from "../model";
import { aboutRows, codeListRows, dataRows, keyValueBlock, mappingRows, ParameterRow } from "../parameterRows";
import { PAYMENT_COST_LABELS, PAYMENT_SKIP_LABELS, paymentLabel, PaymentLabelKey } from "./labels";
import { PaymentReport } from "./types";

function meanSourceText(report: PaymentReport, lang: Lang): string {
  const s = report.settings;
  if (s.rules.base === "standard") return paymentLabel("meanStandard", lang);
  if (s.groupMeans) return `${paymentLabel("meanRegional", lang)}${lang === "zh" ? "：" : ": "}${s.groupMeans.name}`;
  return paymentLabel("meanData", lang);
}

function settingRows(report: PaymentReport, lang: Lang): [ParameterRow[], (ColumnType | undefined)[]] {
  const s = report.settings;
  const L = (k: PaymentLabelKey) => paymentLabel(k, lang);
  const units = report.units.map((u) => L(u.dimension));
  const rows: [ParameterRow, ColumnType | undefined][] = [
    [[L("weightTable"), s.weights.name], undefined],
    [[L("rateSetting"), s.rate], "money"],
    [[L("pointValue"), s.pointValue], "number"],
    [[L("coefficient"), s.coefficient], "number"],
    [[L("moneyPerWeight"), report.moneyPerWeight], "money"],
    [[L("pointsPerWeight"), s.rules.pointsPerWeight], "number"],
    [[L("bands"), listText(s.rules.bands, lang)], undefined],
    [[L("highMultipliers"), listText(s.rules.high, lang)], undefined],
    [[L("lowMultiplier"), s.rules.low], "number"],
    [[L("meanSource"), meanSourceText(report, lang)], undefined],
    [[L("missing"), s.missing === "exclude" ? L("missingExclude") : L("missingError")], undefined],
    [[L("layer"), PAYMENT_COST_LABELS[s.layer][lang]], undefined],
    [[L("unit"), units.length > 0 ? units.join(" + ") : L("none")], undefined],
  ];
  return [rows.map((r) => r[0]), rows.map((r) => r[1])];
}

function resultRows(report: PaymentReport, lang: Lang): [ParameterRow[], (ColumnType | undefined)[]] {
  const L = (k: PaymentLabelKey) => paymentLabel(k, lang);
  const t = report.total;
  const high = report.outliers.filter((o) => o.kind === "high").length;
  const rows: [ParameterRow, ColumnType | undefined][] = [
    [[L("cases"), t.cases], "integer"],
    [[L("groups"), report.groups.length], "integer"],
    [[L("points"), t.points], "number"],
    [[L("revenue"), t.revenue], "money"],
    [[PAYMENT_COST_LABELS[report.settings.layer][lang], t.cost], "money"],
    [[L("balance"), t.balance], "money"],
    [[L("rate"), Number.isFinite(t.rate) ? t.rate : null], "percent"],
    [[L("high"), high], "integer"],
    [[L("low"), report.outliers.length - high], "integer"],
  ];
  return [rows.map((r) => r[0]), rows.map((r) => r[1])];
}

export function parametersSheet(report: PaymentReport, lang: Lang): SheetModel {
  const L = (k: PaymentLabelKey) => paymentLabel(k, lang);
  const data: ParameterRow[] = [
    ...dataRows(report, PAYMENT_SKIP_LABELS, lang),
    ...codeListRows(L("missingMeans"), report.missingMeanCodes, lang),
  ];
  const [settings, settingTypes] = settingRows(report, lang);
  const [results, resultTypes] = resultRows(report, lang);
  return {
    name: L("sheetParameters"),
    blocks: [
      { kind: "text", text: L("parametersTitle"), style: "title" },
      keyValueBlock(L("settings"), settings, settingTypes),
      keyValueBlock(L("data"), data),
      keyValueBlock(L("columnMapping"), mappingRows(report, lang)),
      keyValueBlock(L("results"), results, resultTypes),
      keyValueBlock(L("about"), aboutRows(report, lang)),
    ],
  };
}
