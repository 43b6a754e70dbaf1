/**
 * The policy-tilt section of the audit sheet (after the summary, tilt.ts): the rule, the
 * weighting, the totals before and after and the neutrality factor, then each clause with its
 * factor and the groups it matched. The winners and losers below it show the tilt's effect.
 *
 *     // Harbin 2024, "rw>=2: 1.1", each group once: 172 groups matched, 1,383.8855 -> 1,479.18078,
 *     // factor 0.9355756367
 */
import { Lang } from "../../engine/text";
import { Block, CellValue, ColumnType, KeyValueBlock, TableBlock } from "../model";
import { AuditReport } from "./compute";
import { auditLabel } from "./labels";
import { shortList } from "./text";
import { AuditTilt } from "./tilt";

/** More codes than this in one cell end in "…" (an Excel cell holds 32,767 characters). */
const MAX_LISTED = 2000;

function totalsBlock(tilt: AuditTilt, lang: Lang): KeyValueBlock {
  const rows: [string, CellValue][] = [
    [auditLabel("tiltRule", lang), tilt.rule],
    [
      auditLabel("weighting", lang),
      auditLabel(tilt.weighting === "cases" ? "weightingCases" : "weightingGroups", lang),
    ],
    [auditLabel("totalBefore", lang), tilt.totalBefore],
    [auditLabel("totalTilted", lang), tilt.totalTilted],
    [auditLabel("tiltFactor", lang), tilt.factor],
    [auditLabel("totalRescaled", lang), tilt.totalAfter],
  ];
  const types: (ColumnType | undefined)[] = [undefined, undefined, "number", "number", undefined, "number"];
  return { kind: "keyValue", caption: auditLabel("tilt", lang), rows, types };
}

function clauseBlock(tilt: AuditTilt, lang: Lang): TableBlock {
  return {
    kind: "table",
    columns: [
      { id: "clause", header: auditLabel("clause", lang), type: "text", width: 18 },
      { id: "factor", header: auditLabel("factor", lang), type: "number", width: 10 },
      { id: "groups", header: auditLabel("groupCount", lang), type: "integer", width: 10 },
      { id: "codes", header: auditLabel("matchedGroups", lang), type: "text", width: 72 },
    ],
    rows: [
      ...tilt.clauses.map((c): CellValue[] => [
        c.clause,
        c.factor,
        c.groups.length,
        shortList(c.groups, lang, MAX_LISTED),
      ]),
      [auditLabel("otherGroups", lang), 1, tilt.unmatched, ""],
    ],
  };
}

/** The tilt section, or nothing without a tilt rule. */
export function tiltBlocks(report: AuditReport, lang: Lang): Block[] {
  const tilt = report.tilt;
  if (!tilt) return [];
  return [
    { kind: "text", text: auditLabel("tiltNote", lang), style: "note" },
    totalsBlock(tilt, lang),
    clauseBlock(tilt, lang),
  ];
}
