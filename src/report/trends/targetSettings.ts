/**
 * The benchmark rule of the LOS and cost targets as a user types it, the same in the command
 * line and the taskpane: "hospital" (the default), "pNN" (the NN-th percentile of the units'
 * standardized values, 0 to 100), or a number (a standardized value: days or money per weight
 * point).
 */
import { TargetBenchmark } from "../../engine/standardizedTarget";
import { Lang, Text } from "../../engine/text";
import { formatNumber } from "../common";

/** The rule of a text, or undefined when the text is none of the three forms. */
export function parseTargetBenchmark(text: string, allowValue = true): TargetBenchmark | undefined {
  const s = text.trim().toLowerCase();
  if (s === "" || s === "hospital" || s === "全院") return { kind: "hospital" };
  const p = /^p(\d+(?:\.\d+)?)$/.exec(s);
  if (p) {
    const n = Number(p[1]);
    return n <= 100 ? { kind: "percentile", p: n / 100 } : undefined;
  }
  if (!allowValue || !/^\d+(?:\.\d+)?$/.test(s)) return undefined;
  const v = Number(s);
  return v > 0 && Number.isFinite(v) ? { kind: "value", value: v } : undefined;
}

/** The rule in words: "the hospital's own", "25th percentile of the units", "a given value". */
export function targetBenchmarkText(rule: TargetBenchmark, lang: Lang): string {
  const words: Record<TargetBenchmark["kind"], Text> = {
    hospital: { en: "the hospital's own (total / total weight)", zh: "全院自身（合计 / 总权重）" },
    percentile: {
      en: `the ${formatNumber(rule.kind === "percentile" ? rule.p * 100 : 0, 0, lang)}th percentile of the units`,
      zh: `各单元的第 ${formatNumber(rule.kind === "percentile" ? rule.p * 100 : 0, 0, lang)} 百分位数`,
    },
    value: { en: "a value given", zh: "给定值" },
  };
  return words[rule.kind][lang];
}

/** The rule in a few words, for a value cell: "hospital's own", "p25 of the units", "given". */
export function targetBenchmarkShort(rule: TargetBenchmark, lang: Lang): string {
  if (rule.kind === "hospital") return lang === "zh" ? "全院自身" : "hospital's own";
  if (rule.kind === "value") return lang === "zh" ? "给定值" : "given";
  const p = formatNumber(rule.p * 100, 0, lang);
  return lang === "zh" ? `各单元 P${p}` : `p${p} of the units`;
}

/** The rule as the command line takes it back (hospital, p25, 7.5), for the JSON. */
export function targetBenchmarkCode(rule: TargetBenchmark): string {
  if (rule.kind === "hospital") return "hospital";
  if (rule.kind === "percentile") return `p${Math.round(rule.p * 1e6) / 1e4}`;
  return String(rule.value);
}
