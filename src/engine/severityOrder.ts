/**
 * Severity order of DRG groups inside a family (DOMAIN.md "CHS-DRG codes").
 *
 * Groups that split one base group by complications must weigh more the more severe they
 * are. Two conventions are recognized:
 * - CHS-DRG codes: the family is the ADRG (first three characters), the severity is the
 *   fourth character: `1` MCC (伴严重并发症或合并症) > `3` CC (伴一般并发症或合并症) >
 *   `5` none (不伴). `7` (death or transfer), `9` (not split), local letters (`A`, `B`) and
 *   longer local codes are members of the ADRG but not ordered.
 * - MS-DRG names (US): the family is the name without the leading `NNN - ` code and without
 *   the severity words at its end: `W MCC` > `W CC` (or `W CC/MCC`) > `W/O CC/MCC` (or
 *   `W/O MCC`, `W/O CC`). `WITH` and `WITHOUT` are read as `W` and `W/O`, and an alternative
 *   criterion after the words (`W MCC OR 4+ VESSELS/STENTS`) keeps the level of the words.
 *
 *     severityOf("JR11")   // {system: "chs", family: "JR1", rank: 3, level: "1"}
 *     severityOf("193 - SIMPLE PNEUMONIA & PLEURISY W MCC")
 *                          // {system: "ms", family: "SIMPLE PNEUMONIA & PLEURISY", rank: 3, level: "W MCC"}
 */
import { normalizeCode } from "./codes";

export type SeveritySystem = "chs" | "ms";

/** Ranks: the more severe, the higher; a group must weigh at least as much as any lower rank. */
export const RANK_MCC = 3;
export const RANK_CC = 2;
export const RANK_NONE = 1;
/** A member of the family that is not ordered against the others (`7`, `9`, local letters). */
export const RANK_UNORDERED = 0;

export interface Severity {
  system: SeveritySystem;
  /** The ADRG (CHS-DRG) or the name stem (MS-DRG) that the ordered groups share. */
  family: string;
  /** 3 MCC, 2 CC, 1 none, 0 not ordered. */
  rank: number;
  /** The severity as written: the digit or letter (CHS-DRG), or the canonical words (`W MCC`, `W/O CC/MCC`). */
  level: string;
}

const CHS_CODE = /^[A-Z]{2}[0-9]/;

/**
 * Severity of a CHS-DRG code, or undefined when the code does not look like one (two
 * letters, a digit, a fourth character). `chsSeverity("BV2A").rank` is 0 (local letter).
 */
export function chsSeverity(code: unknown): Severity | undefined {
  const c = normalizeCode(code);
  if (c.length < 4 || !CHS_CODE.test(c)) return undefined;
  const family = c.slice(0, 3);
  if (c.length > 4) return { system: "chs", family, rank: RANK_UNORDERED, level: c.slice(3) };
  const digit = c[3];
  const rank = digit === "1" ? RANK_MCC : digit === "3" ? RANK_CC : digit === "5" ? RANK_NONE : RANK_UNORDERED;
  return { system: "chs", family, rank, level: digit };
}

/** `NNN - ` in front of a CMS name ("193 - SIMPLE PNEUMONIA ..."). */
const MS_CODE_PREFIX = /^\d{1,4}\s*[-–—]\s*/;
/** The last severity words of a name, with an optional `OR ...` alternative after them. */
const MS_WORDS = /^(.*\S)\s+(W\/O|WITHOUT|W|WITH)\s+(CC\/MCC|MCC|CC)(\s+OR\s+.+)?$/;

/**
 * Severity of an MS-DRG name by its words, or undefined when the name has none (a group
 * that is not split, such as "069 - TRANSIENT ISCHEMIA").
 *
 *     msSeverity("247 - PERC CARDIOVASC PROC W DRUG-ELUTING STENT W/O MCC")
 *       // {family: "PERC CARDIOVASC PROC W DRUG-ELUTING STENT", rank: 1, level: "W/O MCC"}
 */
export function msSeverity(name: unknown): Severity | undefined {
  if (typeof name !== "string") return undefined;
  const s = normalizeCode(name).replace(/\s+/g, " ").replace(MS_CODE_PREFIX, "");
  const m = MS_WORDS.exec(s);
  if (!m) return undefined;
  const without = m[2] === "W/O" || m[2] === "WITHOUT";
  const what = m[3];
  let rank: number;
  if (without) rank = RANK_NONE;
  else rank = what === "MCC" ? RANK_MCC : RANK_CC;
  const level = `${without ? "W/O" : "W"} ${what}`;
  return { system: "ms", family: m[1], rank, level };
}

/**
 * Severity of a group from its code and, when given, its name: a CHS-DRG code wins; then
 * the MS-DRG words of the name; then the MS-DRG words of the code itself (the CMS files
 * put the name in the code column, "193 - SIMPLE PNEUMONIA & PLEURISY W MCC").
 */
export function severityOf(code: unknown, name?: unknown): Severity | undefined {
  return chsSeverity(code) ?? msSeverity(name) ?? msSeverity(code);
}
