/**
 * The words of the weight audit's findings (src/engine/weightAudit returns them as data):
 * the kind labels, the detail sentence of each finding and the spill row of DRG.WEIGHT_AUDIT,
 * in English and Chinese. Here rather than in src/report because the custom functions may
 * not import the report layer; the engine does not import this folder (eslint.config.mjs).
 */
import { RANK_CC, RANK_MCC, RANK_NONE, RANK_UNORDERED } from "../engine/severityOrder";
import { countOf, Lang, Text } from "../engine/text";
import { AuditResult } from "../engine/weightAudit/audit";
import { AuditTableRole, Finding, FindingKind } from "../engine/weightAudit/findings";
import { Neutrality } from "../engine/weightAudit/neutrality";
import { fmtFactor, fmtPercent, fmtTotal, formatWeights } from "./auditNumbers";

export const FINDING_LABELS: Record<FindingKind, Text> = {
  neutrality: { en: "total weight changed", zh: "总权重变化" },
  severityOrder: { en: "severity order", zh: "严重程度倒挂" },
  missingWeight: { en: "missing weight", zh: "缺少权重" },
  nonPositiveWeight: { en: "zero or negative weight", zh: "权重为零或负数" },
  onlyInBase: { en: "only in base table", zh: "仅见于调整前表" },
  onlyInAdjusted: { en: "only in adjusted table", zh: "仅见于调整后表" },
  largeChange: { en: "large change", zh: "调整幅度大" },
};

const RANK_LABELS: Record<number, Text> = {
  [RANK_MCC]: { en: "MCC", zh: "伴严重并发症或合并症" },
  [RANK_CC]: { en: "CC", zh: "伴一般并发症或合并症" },
  [RANK_NONE]: { en: "no CC/MCC", zh: "不伴并发症或合并症" },
  [RANK_UNORDERED]: { en: "not ordered", zh: "不分级" },
};

/** The severity of a rank in words, e.g. `severityLabel(3).zh` is "伴严重并发症或合并症". */
export function severityLabel(rank: number): Text {
  return RANK_LABELS[rank] ?? RANK_LABELS[RANK_UNORDERED];
}

/** What a finding's words depend on besides the finding: one table or two, and the neutrality. */
interface Setting {
  paired: boolean;
  neutrality?: Neutrality;
}

const NOTHING: Text = { en: "", zh: "" };

function tableLabel(which: AuditTableRole, paired: boolean): Text {
  if (which === "adjusted") return { en: "the adjusted table", zh: "调整后权重表" };
  return paired ? { en: "the base table", zh: "调整前权重表" } : { en: "the table", zh: "权重表" };
}

/** A CHS-DRG level with its meaning ("1: MCC"); an MS-DRG level as written ("W MCC"). */
function levelLabel(f: Finding, i: number): Text {
  const level = f.levels![i];
  if (f.system === "ms") return { en: level, zh: level };
  const l = severityLabel(f.ranks![i]);
  return { en: `${level}: ${l.en}`, zh: `${level}：${l.zh}` };
}

function casesText(cases: number | undefined): Text {
  return cases === undefined ? NOTHING : { en: `; ${countOf(cases, "case")}`, zh: `；${cases} 例` };
}

function severityText(f: Finding, s: Setting): Text {
  const label = tableLabel(f.table, s.paired);
  const [a, b] = f.groups;
  const [wHi, wLo] = f.weights;
  const [fHi, fLo] = formatWeights([wHi, wLo]);
  const [fDiff] = formatWeights([f.size]);
  const share = fmtPercent(f.size / wLo).replace("+", "");
  const [lHi, lLo] = [levelLabel(f, 0), levelLabel(f, 1)];
  const ct = casesText(f.cases);
  return {
    en: `in ${label.en}, ${a} (${lHi.en}, ${fHi}) weighs less than ${b} (${lLo.en}, ${fLo}): ${fDiff} lighter (${share})${ct.en}`,
    zh: `${label.zh}中 ${a}（${lHi.zh}，${fHi}）的权重低于 ${b}（${lLo.zh}，${fLo}），低 ${fDiff}（${share}）${ct.zh}`,
  };
}

/** Where a group without a weight is: listed blank in one table or both, or only in the volume. */
function missingWhere(f: Finding, s: Setting): Text {
  const base = tableLabel("base", s.paired);
  const adjusted = tableLabel("adjusted", s.paired);
  const blank = f.blankIn ?? [];
  if (blank.length === 2) return { en: "is listed without a weight in both tables", zh: "在两张表中都列出但没有权重" };
  if (blank[0] === "base") {
    return s.paired
      ? {
          en: `is listed without a weight in ${base.en} and is not in ${adjusted.en}`,
          zh: `在${base.zh}中列出但没有权重，且不在${adjusted.zh}中`,
        }
      : { en: `is listed without a weight in ${base.en}`, zh: `在${base.zh}中列出但没有权重` };
  }
  if (blank[0] === "adjusted") {
    return {
      en: `is listed without a weight in ${adjusted.en} and is not in ${base.en}`,
      zh: `在${adjusted.zh}中列出但没有权重，且不在${base.zh}中`,
    };
  }
  return { en: "has cases in the volume but is in no table", zh: "在病例量中有病例，但不在任何权重表中" };
}

function missingText(f: Finding, s: Setting): Text {
  const where = missingWhere(f, s);
  const ct = casesText(f.cases);
  const code = f.groups[0];
  return { en: `${code} ${where.en}${ct.en}`, zh: `${code} ${where.zh}${ct.zh}` };
}

/** A weight in one table only: the other lists the code blank, or not at all. */
function onlyInText(f: Finding, s: Setting): Text {
  const label = tableLabel(f.table, s.paired);
  const other = tableLabel(f.table === "base" ? "adjusted" : "base", s.paired);
  const why: Text =
    (f.blankIn ?? []).length > 0
      ? { en: `is listed without a weight in ${other.en}`, zh: `在${other.zh}中没有权重` }
      : { en: `is not in ${other.en}`, zh: `不在${other.zh}中` };
  const [fw] = formatWeights(f.weights);
  const ct = casesText(f.cases);
  const code = f.groups[0];
  return {
    en: `${code} (${fw} in ${label.en}) ${why.en}${ct.en}`,
    zh: `${code}（${label.zh}中为 ${fw}）${why.zh}${ct.zh}`,
  };
}

function nonPositiveText(f: Finding, s: Setting): Text {
  const label = tableLabel(f.table, s.paired);
  const [fw] = formatWeights(f.weights);
  const ct = casesText(f.cases);
  const code = f.groups[0];
  return {
    en: `${code} weighs ${fw} in ${label.en}; a weight must be above 0${ct.en}`,
    zh: `${code} 在${label.zh}中的权重为 ${fw}，权重应大于 0${ct.zh}`,
  };
}

function largeChangeText(f: Finding): Text {
  const [before, after] = f.weights;
  const [fb, fa] = formatWeights(f.weights);
  const code = f.groups[0];
  let extra = NOTHING;
  if (f.cases !== undefined) {
    const total = (after - before) * f.cases;
    const sign = total >= 0 ? "+" : "";
    extra = {
      en: `; ${countOf(f.cases, "case")}, total weight ${sign}${fmtTotal(total)}`,
      zh: `；${f.cases} 例，总权重 ${sign}${fmtTotal(total)}`,
    };
  }
  return {
    en: `${code}: ${fb} → ${fa} (${fmtPercent(f.size)})${extra.en}`,
    zh: `${code}：${fb} → ${fa}（${fmtPercent(f.size)}）${extra.zh}`,
  };
}

/** "; 3 cases in 2 groups not weighed in both tables are left out", or nothing. */
function leftOutText(n: Neutrality): Text {
  if (n.casesWithoutWeight === 0) return NOTHING;
  const groups = n.groupsWithoutWeight.length;
  if (n.weighting === "cases") {
    return {
      en: `; ${countOf(n.casesWithoutWeight, "case")} in ${countOf(groups, "group")} not weighed in both tables ${n.casesWithoutWeight === 1 ? "is" : "are"} left out`,
      zh: `；${groups} 个病组的 ${n.casesWithoutWeight} 例在两表中不都有权重，未计入`,
    };
  }
  return {
    en: `; ${countOf(groups, "group")} not weighed in both tables ${groups === 1 ? "is" : "are"} left out`,
    zh: `；${groups} 个病组在两表中不都有权重，未计入`,
  };
}

function neutralityText(n: Neutrality): Text {
  const over: Text =
    n.weighting === "cases"
      ? { en: `over ${countOf(n.casesCovered, "case")}`, zh: `按 ${n.casesCovered} 例计算，` }
      : { en: "with each group counted once (no volume given)", zh: "未提供病例量，每个病组按 1 例计，" };
  const left = leftOutText(n);
  const before = fmtTotal(n.totalBefore);
  const after = fmtTotal(n.totalAfter);
  if (!Number.isFinite(n.relativeChange) || !Number.isFinite(n.restoringFactor)) {
    return {
      en: `the totals cannot be compared: ${before} before, ${after} after ${over.en}${left.en}`,
      zh: `${over.zh}调整前总权重 ${before}，调整后 ${after}，无法比较${left.zh}`,
    };
  }
  const change = fmtPercent(n.relativeChange);
  const factor = fmtFactor(n.restoringFactor);
  return {
    en:
      `total weight ${over.en}: ${before} before, ${after} after ` +
      `(${change}); multiply the adjusted weights by ${factor} to restore it${left.en}`,
    zh: `${over.zh}调整前总权重 ${before}，调整后 ${after}（${change}）；调整后权重乘以 ${factor} 可还原总权重${left.zh}`,
  };
}

function findingText(f: Finding, s: Setting): Text {
  switch (f.kind) {
    case "neutrality":
      return neutralityText(s.neutrality!);
    case "severityOrder":
      return severityText(f, s);
    case "missingWeight":
      return missingText(f, s);
    case "nonPositiveWeight":
      return nonPositiveText(f, s);
    case "onlyInBase":
    case "onlyInAdjusted":
      return onlyInText(f, s);
    case "largeChange":
      return largeChangeText(f);
  }
}

/** The sentence that explains a finding of `result` in one language. */
export function findingDetail(f: Finding, result: AuditResult, lang: Lang): string {
  return findingText(f, { paired: result.checked.adjustedGroups !== undefined, neutrality: result.neutrality })[lang];
}

/**
 * The spill row of a finding in one language: kind, family, groups, weights, detail.
 * Severity pairs read "JR11 < JR13" and "0.5372 < 0.7392"; changes "1.2 → 1.5".
 */
export function findingRow(f: Finding, result: AuditResult, lang: Lang): [string, string, string, string, string] {
  const ws = formatWeights(f.weights);
  let groups = f.groups.join(", ");
  let weights = ws.join(", ");
  if (f.kind === "severityOrder") {
    groups = f.groups.join(" < ");
    weights = ws.join(" < ");
  } else if (f.kind === "largeChange" || f.kind === "neutrality") {
    weights = ws.join(" → ");
  }
  return [FINDING_LABELS[f.kind][lang], f.family, groups, weights, findingDetail(f, result, lang)];
}

/** The one row shown when an audit finds nothing, saying what was checked. */
export function noFindingsRow(result: AuditResult, lang: Lang): [string, string, string, string, string] {
  const c = result.checked;
  const n = result.neutrality;
  const en =
    countOf(c.baseGroups, "group") +
    (c.adjustedGroups !== undefined ? ` (adjusted table: ${c.adjustedGroups})` : "") +
    `, ${countOf(c.families, "family", "families")} checked: severity order respected, every weight present and positive` +
    (n ? `, total weight ${fmtPercent(n.relativeChange)}, within tolerance` : "");
  const zh =
    `已检查 ${c.baseGroups} 个病组` +
    (c.adjustedGroups !== undefined ? `（调整后表 ${c.adjustedGroups} 个）` : "") +
    `、${c.families} 个核心组/病组族：严重程度顺序正确，权重齐全且为正` +
    (n ? `，总权重变化 ${fmtPercent(n.relativeChange)}，在容许范围内` : "");
  return [lang === "zh" ? "未发现问题" : "no findings", "", "", "", lang === "zh" ? zh : en];
}
