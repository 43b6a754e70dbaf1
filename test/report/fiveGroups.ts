/**
 * The hand-computed five-group data set of the report tests: every quadrant, an unclassified
 * group, and one row for each reason a row is skipped.
 *
 *   group  RW   dept  doctor  cases  insurance+self  drug+material  contribution/case  rate
 *   A1     2.0  外科  张医生   5      8,000+2,000    3,000+1,000     6,000             0.6
 *   B1     1.5  外科  李医生   5      6,000+2,000    5,000+4,000    -1,000            -0.125
 *   C1     0.5  内科  王医生   5      3,000+1,000    1,000+1,000     2,000             0.5
 *   D1     0.4  内科  王医生   5      2,000+1,000    2,000+1,500      -500            -1/6
 *   E1     3.0  内科  赵医生   2     15,000+5,000    5,000+5,000    10,000             0.5
 *
 * CMI = (5 x 2 + 5 x 1.5 + 5 x 0.5 + 5 x 0.4 + 2 x 3) / 22 = 28 / 22 = 1.2727: A1 and B1 lie
 * right of the x cut, C1 and D1 left; E1 has 2 < 5 cases. The total cost 住院总费用 of a case is
 * RW x 10,000, so weights computed from the data (no trimming) are RW x 22 / 28 and the CMI is 1.
 *
 * Extra rows: a blank row, a row with an empty group, a row of Z99 (no weight in the table;
 * blank total cost, so no weight from the data either).
 */
export const HEADERS = ["病案号", "出院科室", "主诊医师", "DRG编码", "DRG名称", "出院日期", "住院总费用", "医保统筹支付", "个人自付", "药品费", "耗材费"];

const spec: [string, string, string, string, number, number, number, number, number, number][] = [
  // group, name, dept, doctor, cases, rw, insurance, self-pay, drug, material
  ["A1", "甲组", "外科", "张医生", 5, 2.0, 8000, 2000, 3000, 1000],
  ["B1", "乙组", "外科", "李医生", 5, 1.5, 6000, 2000, 5000, 4000],
  ["C1", "丙组", "内科", "王医生", 5, 0.5, 3000, 1000, 1000, 1000],
  ["D1", "丁组", "内科", "王医生", 5, 0.4, 2000, 1000, 2000, 1500],
  ["E1", "戊组", "内科", "赵医生", 2, 3.0, 15000, 5000, 5000, 5000],
];

export const WEIGHTS: [string, number][] = spec.map((s) => [s[0], s[5]]);

export function fiveGroupRows(): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [HEADERS];
  let no = 1;
  for (const [group, name, dept, doctor, cases, rw, ins, self, drug, mat] of spec) {
    for (let i = 0; i < cases; i++) {
      rows.push([`${no++}`, dept, doctor, group, name, "2024-03-05", rw * 10000, ins, self, drug, mat]);
    }
  }
  rows.push([null, null, null, null, null, null, null, null, null, null, null]);
  rows.push([`${no++}`, "内科", "王医生", "", "", "2024-03-06", 1000, 500, 500, 100, 100]);
  rows.push([`${no++}`, "内科", "王医生", "Z99", "无权重组", "2024-03-07", "", 500, 500, 100, 100]);
  return rows;
}

/** The rows as CSV text. */
export function fiveGroupCsv(): string {
  return fiveGroupRows()
    .map((r) => r.map((v) => (v === null ? "" : String(v))).join(","))
    .join("\r\n") + "\r\n";
}

export const WEIGHT_CSV = "drg_code,drg_name,weight\r\n" + WEIGHTS.map(([g, w]) => `${g},,${w}`).join("\r\n") + "\r\n";
