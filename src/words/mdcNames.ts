/**
 * The names of the 26 major diagnostic categories (MDC, 主要诊断大类) of CHS-DRG, by the letter
 * that starts every ADRG and DRG code of the category (GB11 is in MDCG), in Chinese and English.
 * CHS-DRG 1.1 and 2.0 keep the same 26 categories, A to Z; 2.0 has 409 ADRGs under them.
 *
 * Sources: 国家医疗保障局《国家医疗保障疾病诊断相关分组（CHS-DRG）分组与付费技术规范》(2019), the
 * MDC table (a copy: https://renrendoc.com/paper/290725881.html); the 2.0 order of assignment, which
 * names MDCA 先期分组, MDCP, MDCY HIV感染疾病及相关操作 and MDCZ 多发严重创伤:
 * https://www.163.com/dy/article/JON0GFPD0553Q1S1.html ("一文详解CHS-DRG2.0版分组流程细节"); 26 MDCs
 * and 409 ADRGs in 2.0: https://wallstreetcn.com/livenews/2758293 (国家医保局 press conference, 2024).
 * The English names follow the wording of the MDC titles of MS-DRG and AR-DRG where the category is
 * the same; they are translations, not an official English edition.
 */
import { Lang, Text } from "../engine/text";

const t = (zh: string, en: string): Text => ({ zh, en });

export const MDC_NAMES: Readonly<Record<string, Text>> = {
  A: t("先期分组疾病及相关操作", "Pre-MDC: diseases and procedures grouped first"),
  B: t("神经系统疾病及功能障碍", "Diseases and disorders of the nervous system"),
  C: t("眼疾病及功能障碍", "Diseases and disorders of the eye"),
  D: t("头颈、耳、鼻、口、咽疾病及功能障碍", "Diseases and disorders of the head, neck, ear, nose, mouth and throat"),
  E: t("呼吸系统疾病及功能障碍", "Diseases and disorders of the respiratory system"),
  F: t("循环系统疾病及功能障碍", "Diseases and disorders of the circulatory system"),
  G: t("消化系统疾病及功能障碍", "Diseases and disorders of the digestive system"),
  H: t("肝、胆、胰疾病及功能障碍", "Diseases and disorders of the hepatobiliary system and pancreas"),
  I: t("肌肉、骨骼疾病及功能障碍", "Diseases and disorders of the musculoskeletal system"),
  J: t("皮肤、皮下组织及乳腺疾病及功能障碍", "Diseases and disorders of the skin, subcutaneous tissue and breast"),
  K: t("内分泌、营养、代谢疾病及功能障碍", "Endocrine, nutritional and metabolic diseases and disorders"),
  L: t("肾脏及泌尿系统疾病及功能障碍", "Diseases and disorders of the kidney and urinary tract"),
  M: t("男性生殖系统疾病及功能障碍", "Diseases and disorders of the male reproductive system"),
  N: t("女性生殖系统疾病及功能障碍", "Diseases and disorders of the female reproductive system"),
  O: t("妊娠、分娩及产褥期", "Pregnancy, childbirth and the puerperium"),
  P: t("新生儿及其他围产期新生儿疾病", "Newborns and other neonates with conditions of the perinatal period"),
  Q: t("血液、造血器官及免疫疾病和功能障碍", "Diseases and disorders of the blood, blood-forming organs and immunity"),
  R: t(
    "骨髓增生疾病和功能障碍，低分化肿瘤",
    "Myeloproliferative diseases and disorders, poorly differentiated neoplasms",
  ),
  S: t("感染及寄生虫病（全身性或不明确部位的）", "Infectious and parasitic diseases (systemic or unspecified sites)"),
  T: t("精神疾病及功能障碍", "Mental diseases and disorders"),
  U: t("酒精/药物使用及其引起的器质性精神功能障碍", "Alcohol or drug use and the organic mental disorders they cause"),
  V: t("创伤、中毒及药物毒性反应", "Injuries, poisonings and toxic effects of drugs"),
  W: t("烧伤", "Burns"),
  X: t("影响健康因素及其他就医情况", "Factors influencing health status and other contacts with health services"),
  Y: t("HIV感染疾病及相关操作", "HIV infection and related procedures"),
  Z: t("多发严重创伤", "Multiple significant trauma"),
};

/**
 * An MDC as a reader knows it: "MDCE 呼吸系统疾病及功能障碍" for "E" (or "e", or "MDCE"); any other
 * text as it is (a local table's codes may start with a digit).
 */
export function mdcLabel(letter: string, lang: Lang): string {
  const key = letter
    .trim()
    .toUpperCase()
    .replace(/^MDC(?=[A-Z]$)/, "");
  const name = Object.prototype.hasOwnProperty.call(MDC_NAMES, key) ? MDC_NAMES[key] : undefined;
  return name ? `MDC${key} ${name[lang]}` : letter;
}
