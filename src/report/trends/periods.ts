/**
 * The two years the trends report compares ("before" and "after"): the ones asked for, or the
 * two latest, and the period of each row.
 */
import { CaseTable } from "../../engine/caseTable";
import { CaseMixError, Text } from "../../engine/text";
import { unavailable } from "./sections";
import { TrendsSettings } from "./settings";
import { Unavailable } from "./types";

/** The two years compared: the ones asked for, or the two latest; undefined with a reason when there are not two. */
export function resolvePeriods(
  table: CaseTable,
  years: string[],
  settings: TrendsSettings,
): { before: number; after: number } | Unavailable {
  const asked = settings.before !== undefined || settings.after !== undefined;
  if (!table.years) {
    if (asked) {
      throw new CaseMixError("value", {
        en: `years ${settings.before ?? ""} → ${settings.after ?? ""}: the data has no year or discharge date column`,
        zh: `年份 ${settings.before ?? ""} → ${settings.after ?? ""}：数据中没有年份或出院日期列`,
      });
    }
    return unavailable(
      "the data has no year or discharge date column, so there are no two periods to compare",
      "数据中没有年份或出院日期列，无法对比两个时期",
    );
  }
  const find = (year: string, which: Text): number => {
    const id = table.years!.codes.indexOf(year.trim().replace(/年$/, ""));
    if (id < 0) {
      throw new CaseMixError("value", {
        en: `${which.en} year ${year}: no case of that year; the data has ${years.join(", ")}`,
        zh: `${which.zh}年份 ${year}：没有该年份的病例；数据中的年份为 ${years.join("、")}`,
      });
    }
    return id;
  };
  const idOf = (year: string) => table.years!.codes.indexOf(year);
  const latest = years.length > 0 ? years[years.length - 1] : undefined;
  const after =
    settings.after !== undefined
      ? find(settings.after, { en: "after", zh: "对比后" })
      : latest !== undefined
        ? idOf(latest)
        : -1;
  let before: number;
  if (settings.before !== undefined) before = find(settings.before, { en: "before", zh: "对比前" });
  else {
    const at = years.indexOf(table.years.codes[after] ?? "");
    before = at > 0 ? idOf(years[at - 1]) : -1;
  }
  if (after < 0 || before < 0) {
    const afterYear = table.years.codes[after] ?? "";
    if (settings.after !== undefined) {
      return unavailable(`no year before ${afterYear} to compare with`, `没有早于 ${afterYear} 年的年份可供对比`);
    }
    return unavailable(
      `the data has ${years.length === 0 ? "no year" : `only the year ${years.join(", ")}`}; two years are needed to compare`,
      `数据中${years.length === 0 ? "没有年份" : `只有 ${years.join("、")} 年`}，需要两个年份才能对比`,
    );
  }
  if (before === after) {
    throw new CaseMixError("value", {
      en: `before and after are the same year (${table.years.codes[after]}); pick two different years`,
      zh: `对比前后为同一年份（${table.years.codes[after]}）；请选择两个不同的年份`,
    });
  }
  return { before, after };
}

/** The period of each row: 0 before, 1 after, -1 neither (or left out: no cases). */
export function rowPeriods(
  table: CaseTable,
  cases: Float64Array,
  periods: { before: number; after: number } | Unavailable,
): Int8Array {
  const period = new Int8Array(cases.length).fill(-1);
  if (!("available" in periods)) {
    const y = table.years?.ids as Int32Array;
    for (let i = 0; i < cases.length; i++)
      if (cases[i] > 0) period[i] = y[i] === periods.before ? 0 : y[i] === periods.after ? 1 : -1;
  }
  return period;
}
