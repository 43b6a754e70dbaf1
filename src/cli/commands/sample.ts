/**
 * `casemix sample [--out FILE] [--cases N] [--seed N] [--weights table.csv] [--layout
 * summary|front-page|settlement]`: writes the generated sample case file.
 */
import { Lang } from "../../engine/text";
import { choice, commandArgs, langOption, numberAtLeast, usage } from "../args";
import { Command } from "../commandRunner";
import { HARBIN_WEIGHTS, writeSample } from "../sample";
import { LAYOUT_OPTIONS, SampleLayout } from "../sampleLayouts";

export interface SampleOptions {
  out: string;
  force: boolean;
  cases: number;
  seed: number;
  weights?: string;
  layout: SampleLayout;
  lang: Lang;
}

const SAMPLE_OPTIONS = new Set(["out", "cases", "seed", "weights", "layout", "lang", "force", "help"]);

/** The most cases `casemix sample` writes (some 1.9 GB of CSV). */
export const MAX_SAMPLE_CASES = 10_000_000;

/** A whole number written in digits (thousands separated by , or _ allowed), from `min` to `max`. */
function wholeNumber(name: string, text: string, min: number, max: number): number {
  const v = /^\d{1,3}([,_]?\d{3})*$|^\d+$/.test(text.trim()) ? Number(text.replace(/[,_]/g, "")) : NaN;
  if (!(v >= min && v <= max)) {
    usage(
      `--${name}: "${text}" is not a whole number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")} (written in digits)`,
      `--${name}："${text}" 不是 ${min.toLocaleString("en")} 到 ${max.toLocaleString("en")} 之间的整数（请用数字书写）`,
    );
  }
  return v;
}

/** Parses the arguments after `casemix sample`; `defaultLang` is the language already chosen. */
export function parseSampleArgs(argv: readonly string[], defaultLang: Lang): SampleOptions {
  const { positional, one: get } = commandArgs(
    argv,
    SAMPLE_OPTIONS,
    new Set(["force", "help"]),
    "casemix sample --help",
  );
  if (positional.length > 0) usage(`unexpected ${positional.join(" ")}`, `多余的参数 ${positional.join(" ")}`);
  return {
    out: get("out") ?? "samples/cases.csv",
    force: get("force") === "true",
    cases: wholeNumber("cases", get("cases") ?? "24000", 1, MAX_SAMPLE_CASES),
    seed: Math.floor(numberAtLeast("seed", get("seed") ?? "20240101")),
    weights: get("weights"),
    layout: LAYOUT_OPTIONS[choice("layout", get("layout") ?? "summary", Object.keys(LAYOUT_OPTIONS))],
    lang: langOption(get("lang"), defaultLang),
  };
}

/** `casemix sample ...`: returns the exit code. */
export const runSample: Command = async (argv, { lang, io }) => {
  const o = parseSampleArgs(argv, lang);
  const r = await writeSample(o.out, {
    cases: o.cases,
    seed: o.seed,
    weightsFile: o.weights ?? HARBIN_WEIGHTS,
    force: o.force,
    layout: o.layout,
  });
  io.stderr(
    o.lang === "zh"
      ? `已写出 ${o.out}：${r.cases} 例，${r.departments} 个科室，${r.doctors} 名医师，${r.groups} 个病组，${r.bytes} 字节\n`
      : `Wrote ${o.out}: ${r.cases} cases, ${r.departments} departments, ${r.doctors} doctors, ${r.groups} groups, ${r.bytes} bytes\n`,
  );
  return 0;
};
