/**
 * Payment functions: DRG.DRG_PAYMENT (点数法支付), DRG.POINT_VALUE (点值) and
 * DRG.BENCHMARK_GAP (病例组合差额). Thin adapters: Excel arguments -> engine `pointPayment` -> cells.
 */
import { isBlankCell, isTextCell, readNumberColumn } from "../engine/input";
import * as engine from "../engine/pointPayment";
import {
  DEFAULT_PAYMENT_RULES,
  HIGH_COST_CASE,
  LOW_COST_CASE,
  NO_MEAN_CASE,
  NO_WEIGHT_CASE,
  paymentRules,
  PaymentRules,
  ruleEntries,
} from "../engine/pointPayment";
import { GroupBalance, paymentByGroup } from "../engine/paymentGroups";
import { CaseMixError, countOf, Lang, Text } from "../engine/text";
import { column, columns, isOmitted, nonEmpty, numberArg, optionArg, scalar } from "./args";
import { currentLanguage, guard, numberCell } from "./excel";
import { readCaseArgs, readTableArg, skippedNote } from "./inputs";

/** A required positive number such as `rate` or `fund`. */
function requiredNumber(arg: unknown, argName: string, check: { min: number; minExclusive?: boolean }): number {
  if (isOmitted(arg)) {
    throw new CaseMixError("value", { en: `${argName} is required`, zh: `${argName} 为必填参数` });
  }
  return numberArg(arg, argName, NaN, check);
}

/**
 * Rules from a two-column range (key, value), or from text "high=3,2,1.5; low=0.4" (one
 * cell, or one "key=value" a cell); a first row whose value is a header word is skipped.
 */
function readRules(arg: unknown): PaymentRules {
  if (isOmitted(arg)) return DEFAULT_PAYMENT_RULES;
  const entries: [string, unknown][] = [];
  const cols = Array.isArray(arg) ? columns(arg, "rules") : [[arg]];
  if (cols.length >= 2) {
    for (let i = 0; i < cols[0].length; i++) {
      const key = cols[0][i];
      if (isBlankCell(key)) continue;
      entries.push([String(key), cols[1][i]]);
    }
    const first = entries[0];
    if (first && /^(rule|key|规则|参数|项目)s?$/i.test(first[0].trim())) entries.shift();
  } else {
    for (const cell of cols.flat()) if (!isBlankCell(cell)) entries.push(...ruleEntries(String(cell)));
  }
  return paymentRules(entries);
}

const KIND_TEXT: Record<number, Text> = {
  [HIGH_COST_CASE]: { en: "high", zh: "高倍率" },
  [LOW_COST_CASE]: { en: "low", zh: "低倍率" },
  [NO_WEIGHT_CASE]: { en: "no weight", zh: "无权重" },
  [NO_MEAN_CASE]: { en: "no group mean", zh: "无病组均值" },
  0: { en: "normal", zh: "正常" },
};

const GROUP_HEADER: Record<Lang, string[]> = {
  en: [
    "group",
    "cases",
    "normal",
    "high",
    "low",
    "points",
    "expected revenue",
    "cost",
    "balance",
    "balance rate",
    "balance per case",
  ],
  zh: ["病组", "病例数", "正常", "高倍率", "低倍率", "点数", "预收入", "成本", "结余", "结余率", "例均结余"],
};

/** A row of the group table; the total row is labelled "(total)" / "（合计）". */
function groupRow(row: GroupBalance, lang?: Lang): unknown[] {
  const label = row.group !== "" ? row.group : lang === "zh" ? "（合计）" : "(total)";
  const cells = [row.points, row.revenue, row.cost, row.balance].map((v) => numberCell(v));
  const ratio = (v: number) => (v === v ? numberCell(v) : "");
  return [label, row.cases, row.normal, row.high, row.low, ...cells, ratio(row.rate), ratio(row.perCase)];
}

/**
 * DRG point payment (点数法): points and payment of each case, with high- and low-cost outlier cases (高倍率/低倍率) scored by the rules.
 * Base points = RW x 100. High-cost if cost >= t x group mean (t = 3 for base points <= 100, 2 for 100 to 200, 1.5 above 200): points = base + (cost / mean - t) x base. Low-cost if cost <= 0.4 x group mean: points = base x cost / mean.
 * Payment = points / 100 x rate x point_value x coefficient. The group mean is the mean cost of the group's cases passed in (rules "base=standard": RW x rate x point_value x coefficient).
 * result "total" (default): the total payment; "case": one row a case in line with the input (a header row too when the input has one): points, case type, payment; "summary": label and value rows (cases, normal, high-cost, low-cost, total points, total payment, cases without a weight); "group": a header and one row a group, largest loss first: group, cases, normal, high, low, points, expected revenue, cost, balance, balance rate, balance per case, with the total row last.
 * group_means: a regional table of group mean costs (group, mean cost) for the high/low thresholds in place of the mean of the cases passed in; groups missing from it follow missing.
 * @customfunction DRG_PAYMENT
 * @param groups DRG group code of each case (one column; a header row is skipped).
 * @param costs Total cost of each case.
 * @param weight_table Weight table: first column group code, second column weight.
 * @param rate Money per weight point (费率), or 100 when point_value is money per point.
 * @param [point_value] Optional: the settlement point value (点值) as a factor on the rate (default 1), or money per point with rate 100.
 * @param [coefficient] Optional: institution coefficient (机构系数, default 1).
 * @param [rules] Optional: outlier rules as text "high=3,2,1.5; bands=100,200; low=0.4; points=100; base=data" or a two-column range of key and value; keys left out keep these defaults.
 * @param [result] Optional: "total" (default), "case", "summary" or "group" (profit and loss per group).
 * @param [missing] Optional: "error" (default) stops at a group without a weight (or without a mean in group_means); "exclude" leaves its cases unpaid ("no weight" per case, counted in the summary).
 * @param [group_means] Optional: regional group mean costs, first column group code, second column mean cost, used for the high/low thresholds.
 * @returns The total payment, a row per case, or a summary.
 */
export function drgPayment(
  groups: any[][],
  costs: any[][],
  weight_table: any[][],
  rate: number,
  point_value?: number,
  coefficient?: number,
  rules?: any[][],
  result?: string,
  missing?: string,
  group_means?: any[][],
): any[][] {
  return guard(() => {
    const money = requiredNumber(rate, "rate", { min: 0, minExclusive: true });
    const factor = numberArg(point_value, "point_value", 1, { min: 0, minExclusive: true });
    const coef = numberArg(coefficient, "coefficient", 1, { min: 0, minExclusive: true });
    const parsedRules = readRules(rules);
    const shape = optionArg(result, "result", ["total", "case", "summary", "group"] as const, "total");
    const rule = optionArg(missing, "missing", ["error", "exclude"] as const, "error");
    const input = readCaseArgs({ groups, numeric: [{ name: "costs", arg: costs }] });
    const table = readTableArg(weight_table, "weight_table");
    const means = isOmitted(group_means) ? undefined : readTableArg(group_means, "group_means");
    const costValues = input.numbers[0][0];
    const paid = engine.drgPayment({ groups: input.groups, costs: costValues }, table, {
      rate: money,
      pointValue: factor,
      coefficient: coef,
      rules: parsedRules,
      groupMeans: means,
      missing: rule,
      firstRow: input.firstRow,
    });
    const lang = currentLanguage();
    if (shape === "total") return [[numberCell(paid.totalPayment)]];
    if (shape === "group") {
      const pnl = paymentByGroup(paid, input.groups, costValues);
      const rows: unknown[][] = [
        GROUP_HEADER[lang],
        ...pnl.groups.map((row) => groupRow(row, lang)),
        groupRow(pnl.total, lang),
      ];
      const n = paid.excludedCases;
      const extra =
        n > 0
          ? [
              {
                en: `${countOf(n, "case")} in groups without a weight or a group mean`,
                zh: `${n} 例所属病组无权重或无病组均值`,
              },
            ]
          : [];
      const note = skippedNote(paid.skipped, input.paddingRows, GROUP_HEADER.en.length, lang, undefined, extra);
      if (note) rows.push(note);
      return rows;
    }
    if (shape === "summary") {
      const label = (en: string, zh: string) => (lang === "zh" ? zh : en);
      const rows: unknown[][] = [
        [label("cases", "病例数"), paid.cases],
        [label("normal cases", "正常病例"), paid.normalCases],
        [label("high-cost cases", "高倍率病例"), paid.highCases],
        [label("low-cost cases", "低倍率病例"), paid.lowCases],
        [label("total points", "总点数"), numberCell(paid.totalPoints)],
        [label("total payment", "支付总额"), numberCell(paid.totalPayment)],
        [label("cases without a weight (unpaid)", "无权重病例（未计支付）"), paid.excludedCases],
      ];
      const note = skippedNote(paid.skipped, input.paddingRows, 2, lang);
      if (note) rows.push(note);
      return rows;
    }
    const rows: unknown[][] = [];
    if (input.firstRow === 2)
      rows.push(lang === "zh" ? ["点数", "病例类型", "支付"] : ["points", "case type", "payment"]);
    const ids = input.groups.ids;
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] < 0) rows.push(["", "", ""]);
      else if (paid.kind[i] === NO_WEIGHT_CASE) rows.push(["", KIND_TEXT[NO_WEIGHT_CASE][lang], ""]);
      else rows.push([numberCell(paid.points[i]), KIND_TEXT[paid.kind[i]][lang], numberCell(paid.payment[i])]);
    }
    return nonEmpty(rows);
  }) as any[][];
}

/**
 * Point value (点值) under total-budget point payment: the fund for DRG payment / total points of all hospitals (points = weight x 100).
 * @customfunction POINT_VALUE
 * @param fund Fund available for DRG payment (money).
 * @param total_points Total points of all hospitals: one number, or a range of numbers that is added up (a header cell is skipped).
 * @returns Money per point.
 */
export function pointValue(fund: number, total_points: any[][]): any[][] {
  return guard(() => {
    const money = requiredNumber(fund, "fund", { min: 0 });
    if (isOmitted(total_points)) {
      throw new CaseMixError("value", { en: "total_points is required", zh: "total_points 为必填参数" });
    }
    const cells = Array.isArray(total_points) ? (total_points as unknown[][]).flat() : [total_points];
    const values = readNumberColumn(isTextCell(cells[0]) ? cells.slice(1) : cells, "total_points", {
      firstRow: isTextCell(cells[0]) ? 2 : 1,
    });
    let total = 0;
    for (const v of values) if (v === v) total += v;
    // No points is a division by zero; a fund too large for its points is out of range.
    return [[numberCell(engine.pointValue(money, total), total > 0 ? "num" : "div0")]];
  }) as any[][];
}

/**
 * Benchmark gap (病例组合差额): what a case mix below the benchmark costs in payment, (benchmark_cmi - cmi) x rate per case, x cases when given.
 * The source's example: CMI 0.85 against a benchmark of 1 at 5,000 per weight point gives 750 less a case. Negative: more than an average-mix hospital.
 * `cmi` may be a column (one unit a row, a header cell is kept as a label): the result is then a column in line with it, with `cases` a column too or one number.
 * @customfunction BENCHMARK_GAP
 * @param cmi The hospital's (or unit's) CMI, or a column of them.
 * @param benchmark_cmi The benchmark CMI (region or peer average, e.g. 1).
 * @param rate Money per weight point (费率).
 * @param [cases] Optional: cases, to get the gap for all of them instead of per case; one number or a column in line with cmi.
 * @returns The gap per case, or for all cases.
 */
export function benchmarkGap(cmi: any[][], benchmark_cmi: number, rate: number, cases?: any[][]): any[][] {
  return guard(() => {
    const benchmark = requiredNumber(benchmark_cmi, "benchmark_cmi", { min: 0 });
    const money = requiredNumber(rate, "rate", { min: 0 });
    const cmiCells = column(cmi, "cmi");
    const header = cmiCells.length > 1 && isTextCell(cmiCells[0]);
    const body = header ? cmiCells.slice(1) : cmiCells;
    const firstRow = header ? 2 : 1;
    const values = readNumberColumn(body, "cmi", { firstRow });
    let caseValues: Float64Array | undefined;
    let caseScalar = 1;
    if (!isOmitted(cases)) {
      const caseCells = column(cases, "cases");
      if (caseCells.length === 1) {
        caseScalar = numberArg(scalar(cases), "cases", 1, { min: 0 });
      } else {
        if (caseCells.length !== cmiCells.length) {
          throw new CaseMixError("value", {
            en: `cases has ${caseCells.length} rows but cmi has ${cmiCells.length}; give one number or a column the same size`,
            zh: `cases 有 ${caseCells.length} 行，而 cmi 有 ${cmiCells.length} 行；请给一个数或同样大小的一列`,
          });
        }
        caseValues = readNumberColumn(header ? caseCells.slice(1) : caseCells, "cases", { firstRow });
      }
    }
    if (values.length === 1 && !header) {
      const v = values[0];
      if (v !== v) throw new CaseMixError("value", { en: "cmi is blank", zh: "cmi 为空" });
      return [[numberCell(engine.benchmarkGap(v, benchmark, money, caseValues ? caseValues[0] : caseScalar))]];
    }
    const lang = currentLanguage();
    const rows: unknown[][] = [];
    if (header) rows.push([lang === "zh" ? "差额" : "gap"]);
    for (let i = 0; i < values.length; i++) {
      const n = caseValues ? caseValues[i] : caseScalar;
      rows.push(
        values[i] !== values[i] || n !== n ? [""] : [numberCell(engine.benchmarkGap(values[i], benchmark, money, n))],
      );
    }
    return nonEmpty(rows);
  }) as any[][];
}
