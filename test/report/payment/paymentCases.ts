/**
 * The hand-computed DRG payment example (DOMAIN.md "Point payment", "DRG payment: profit and
 * loss per group"): rate 7,000 (payment = points x 70), default rules (bands 100, 200; high
 * 3, 2, 1.5; low 0.4). Every case type occurs, a high-cost case in each of the three bands:
 *
 *   group  RW   base  t    cases (total cost)                        own mean
 *   AB11   0.8   80   3    9 x 4,000, 24,000 (4.0: high)             60,000 / 10 = 6,000
 *   AC11   1.5  150   2    7,000, 7,000, 8,000, 25,000 (2.5: high),  50,000 / 5 = 10,000
 *                          3,000 (0.3: low)
 *   AD11   2.5  250   1.5  12,000, 13,000, 19,000, 36,000 (1.8: high) 80,000 / 4 = 20,000
 *
 * Points with the hospital's own means:
 *   AB11  9 x 80 + (80 + (4 - 3) x 80 = 160)                       = 880   -> revenue 61,600
 *   AC11  3 x 150 + (150 + (2.5 - 2) x 150 = 225) + 150 x 0.3 = 45 = 720   -> revenue 50,400
 *   AD11  3 x 250 + (250 + (1.8 - 1.5) x 250 = 325)                = 1,075 -> revenue 75,250
 * Balance (cost = total charges): AB11 61,600 - 60,000 = 1,600; AC11 50,400 - 50,000 = 400;
 * AD11 75,250 - 80,000 = -4,750; total 187,250 - 190,000 = -2,750 (19 cases: 15 normal,
 * 3 high, 1 low; 2,675 points).
 *
 * Regional means AB11 6,000, AC11 10,000, AD11 12,000 (the first two the hospital's own):
 * AD11's 19,000 case flips from normal to high (19,000 / 12,000 = 1.5833 >= 1.5): points
 * 250 + (1.5833 - 1.5) x 250 = 270.8333; 36,000 is 3 x the mean: 250 + 1.5 x 250 = 625;
 * AD11 points 250 + 250 + 270.8333 + 625 = 1,395.8333, revenue 97,708.33, balance 17,708.33;
 * total revenue 209,708.33, balance 19,708.33 (4 high cases, 14 normal).
 *
 * Departments: AB11 内科 (张医生), AC11 and AD11 外科 (李医生, 王医生). Every case: 医保统筹支付
 * 3,000, 个人自付 1,000, 药品费 1,000, 耗材费 500. One more row, ZZ99, has no weight.
 */
export const HEADERS = [
  "病案号",
  "出院科室",
  "主诊医师",
  "DRG编码",
  "DRG名称",
  "住院总费用",
  "医保统筹支付",
  "个人自付",
  "药品费",
  "耗材费",
];

const GROUPS: [string, string, string, string, number[]][] = [
  ["AB11", "甲组", "内科", "张医生", [4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 4000, 24000]],
  ["AC11", "乙组", "外科", "李医生", [7000, 7000, 8000, 25000, 3000]],
  ["AD11", "丙组", "外科", "王医生", [12000, 13000, 19000, 36000]],
];

export const WEIGHTS: [string, number][] = [
  ["AB11", 0.8],
  ["AC11", 1.5],
  ["AD11", 2.5],
];

export const REGIONAL: [string, number][] = [
  ["AB11", 6000],
  ["AC11", 10000],
  ["AD11", 12000],
];

export const RATE = 7000;

export function paymentRows(): (string | number)[][] {
  const rows: (string | number)[][] = [HEADERS];
  let no = 1;
  for (const [group, name, dept, doctor, costs] of GROUPS)
    for (const cost of costs) rows.push([`P${no++}`, dept, doctor, group, name, cost, 3000, 1000, 1000, 500]);
  rows.push([`P${no++}`, "内科", "张医生", "ZZ99", "无权重组", 5000, 3000, 1000, 1000, 500]);
  return rows;
}

/** Rows as CSV text. */
export const csvOf = (rows: readonly (readonly (string | number)[])[]): string =>
  rows.map((r) => r.join(",")).join("\r\n") + "\r\n";

export const WEIGHT_CSV = csvOf([["DRG编码", "权重"], ...WEIGHTS]);
export const REGIONAL_CSV = csvOf([["病组编码", "次均费用"], ...REGIONAL]);
