/**
 * A report model shaped like the four-quadrant report (a group table with a scatter chart, a
 * unit table with a total row, a parameters block) with any number of rows, for the
 * round-trip tests. Deterministic: row i has RW 0.3 + (i % 40) / 10 and rate (i % 21 - 10) / 40.
 */
import { WorkbookModel } from "../../src/report/model";

const QUADRANT_NAMES = ["战略病种", "竞争病种", "适宜病种", "劣势病种", "未分类"];

export function syntheticModel(rows: number): WorkbookModel {
  const groupRows = [];
  const byQuadrant: number[][] = [[], [], [], [], []];
  for (let i = 0; i < rows; i++) {
    const rw = 0.3 + (i % 40) / 10;
    const rate = ((i % 21) - 10) / 40;
    const revenue = 10000 + (i % 997) * 13.5;
    const q = i % 5;
    byQuadrant[q].push(i);
    groupRows.push([
      `G${String(i).padStart(6, "0")}`,
      `病组名称 ${i} 伴并发症`,
      5 + (i % 50),
      rw,
      revenue,
      revenue * (1 - rate),
      revenue * rate,
      rate,
      QUADRANT_NAMES[q],
      [1.5, 1.3, 1.0, 0.8, 1.0][q],
      rw * [1.5, 1.3, 1.0, 0.8, 1.0][q],
    ]);
  }
  const units = Math.max(1, Math.floor(rows / 10));
  const unitRows = [];
  for (let u = 0; u < units; u++) unitRows.push([`0${u}`, 100 + u, 120.5 + u, 1.2, 180 + u, 9000 + u * 10]);
  return {
    lang: "zh",
    sheets: [
      {
        name: "四象限分析",
        blocks: [
          { kind: "text", text: "DRG 病组四象限分析", style: "title" },
          {
            kind: "table",
            columns: [
              { id: "group", header: "DRG 组", type: "text", width: 10 },
              { id: "name", header: "病组名称", type: "text", width: 30 },
              { id: "cases", header: "病例数", type: "integer" },
              { id: "rw", header: "相对权重 (RW)", type: "weight" },
              { id: "revenue", header: "收入", type: "money" },
              { id: "cost", header: "变动成本", type: "money" },
              { id: "contribution", header: "边际贡献", type: "money" },
              { id: "rate", header: "边际贡献率", type: "percent" },
              { id: "quadrant", header: "象限", type: "text" },
              { id: "coefficient", header: "激励系数", type: "ratio" },
              { id: "points", header: "点数", type: "number" },
            ],
            rows: groupRows,
            totalRow: ["合计", "", rows, null, null, null, null, null, "", null, null],
            autoFilter: true,
            conditionalFormats: [
              { columnId: "rate", rule: { kind: "lessThan", value: 0, fill: "#F8CBAD" } },
              { columnId: "quadrant", rule: { kind: "textEquals", text: "战略病种", fill: "#C6EFCE" } },
              { columnId: "points", rule: { kind: "dataBar", color: "#5B9BD5" } },
            ],
          },
        ],
        charts: [
          {
            kind: "scatter",
            title: "病组相对权重与贡献率四象限图",
            xTitle: "RW",
            yTitle: "边际贡献率",
            series: QUADRANT_NAMES.map((name, q) => ({
              name,
              x: { blockIndex: 1, columnId: "rw" },
              y: { blockIndex: 1, columnId: "rate" },
              rows: byQuadrant[q],
            })),
            cutLines: { x: 1.2, y: 0 },
            cornerLabels: { topRight: "战略病种", bottomRight: "竞争病种", topLeft: "适宜病种", bottomLeft: "劣势病种" },
            anchor: { row: 1, column: 12, width: 8, height: 20 },
          },
        ],
        freeze: { rows: 2, columns: 2 },
      },
      {
        name: "绩效激励",
        blocks: [
          {
            kind: "table",
            caption: "按科室",
            columns: [
              { id: "unit", header: "科室", type: "text" },
              { id: "cases", header: "病例数", type: "integer" },
              { id: "totalWeight", header: "总权重", type: "weight" },
              { id: "cmi", header: "CMI", type: "weight" },
              { id: "points", header: "点数", type: "number" },
              { id: "amount", header: "金额", type: "money" },
            ],
            rows: unitRows,
            totalRow: ["合计", 0, 0, 0, 0, 0],
          },
        ],
        freeze: { rows: 2, columns: 0 },
      },
      {
        name: "参数",
        blocks: [
          { kind: "text", text: "参数", style: "title" },
          {
            kind: "keyValue",
            caption: "设置",
            rows: [
              ["贡献层级", "边际贡献"],
              ["激励系数", "1.5 / 1.3 / 1.0 / 0.8"],
              ["数据来源", "=HYPERLINK(\"x\")"],
              ["读取行数", rows],
              ["生成时间", "2025-01-31 10:00"],
            ],
          },
        ],
      },
    ],
  };
}
