/**
 * Deterministic benchmark data: a hospital (group) discharge table of N cases with
 * about 600 DRG groups of Zipf-like frequencies, 40 departments, lognormal costs and a few
 * extreme values. The same seed always gives the same cases, so every side of the benchmark
 * (each in its own process) regenerates identical data instead of passing it around.
 *
 *     const cases = generateCases(1000);
 *     cases.groupCodes[cases.group[0]]  // e.g. "FM35"
 */
import * as fs from "fs";

/** Column headers as a Chinese 病案首页 export has them (the adapters detect header rows). */
export const HEADERS = {
  drg: "DRG编码",
  department: "出院科室",
  cost: "住院总费用",
  insurancePaid: "医保结算",
  selfPay: "自付",
  drugCost: "药品费",
  materialCost: "耗材费",
} as const;

export const GROUP_COUNT = 600;
export const DEPARTMENTS = [
  "心血管内科", "神经内科", "呼吸内科", "消化内科", "内分泌科", "肾内科", "血液科", "风湿免疫科",
  "感染科", "老年医学科", "普外科", "肝胆外科", "胃肠外科", "甲乳外科", "血管外科", "心胸外科",
  "神经外科", "骨科", "脊柱外科", "关节外科", "泌尿外科", "烧伤整形科", "妇科", "产科",
  "儿科", "新生儿科", "眼科", "耳鼻咽喉科", "口腔科", "皮肤科", "肿瘤内科", "放疗科",
  "康复医学科", "中医科", "急诊科", "重症医学科", "疼痛科", "介入科", "全科医学科", "精神科",
];

export interface Cases {
  rows: number;
  groupCodes: string[];
  /** Group index per case. */
  group: Int32Array;
  /** Department index per case. */
  department: Int32Array;
  /** Cost per case in yuan, rounded to cents (every cost > 0). */
  cost: Float64Array;
  /** Revenue split into insurance settlement and self-pay, and the variable costs (cents). */
  insurancePaid: Float64Array;
  selfPay: Float64Array;
  drugCost: Float64Array;
  materialCost: Float64Array;
}

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns uniform numbers in [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal deviates by Box-Muller (one per call, the second discarded for simplicity). */
function normal(u: () => number): number {
  let x = u();
  while (x === 0) x = u();
  return Math.sqrt(-2 * Math.log(x)) * Math.cos(2 * Math.PI * u());
}

/** CHS-DRG-like codes: MDC letter, A-Z type letter, ADRG digit, severity 1/3/5 (or 9). */
function groupCodes(count: number, u: () => number): string[] {
  const mdc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const kinds = "ABCDEFGHJKLMNQRSTUVWXY";
  const out: string[] = [];
  const seen = new Set<string>();
  while (out.length < count) {
    const adrg = mdc[Math.floor(u() * mdc.length)] + kinds[Math.floor(u() * kinds.length)] + String(1 + Math.floor(u() * 9));
    if (seen.has(adrg)) continue;
    seen.add(adrg);
    const severities = u() < 0.25 ? ["9"] : ["1", "3", "5"];
    for (const s of severities) if (out.length < count) out.push(adrg + s);
  }
  return out;
}

const cents = (x: number) => Math.round(x * 100) / 100;

/**
 * N cases. Group frequencies follow Zipf (rank^-1.1) over a random ranking of the groups;
 * each group has a home department taking 85% of its cases; costs are lognormal per group
 * (log-mean 8.2 to 11.2, log-SD 0.25 to 0.75); one case in 1,000 is a high outlier (x 8 to
 * x 40) and one in 2,000 a low one (/ 10). Revenue is the cost times a group payment
 * factor (0.5 to 1.2) with 10% noise, 70% of it paid by insurance; drugs and materials are
 * group-specific shares of the cost (15-50% and 5-40%) with 20% noise, so that groups fall in
 * all four quadrants.
 */
export function generateCases(rows: number, seed = 20240601): Cases {
  const u = rng(seed);
  const codes = groupCodes(GROUP_COUNT, u);
  const G = codes.length;
  const D = DEPARTMENTS.length;
  // Zipf weights over a shuffled ranking.
  const rank = Int32Array.from({ length: G }, (_, i) => i);
  for (let i = G - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const t = rank[i];
    rank[i] = rank[j];
    rank[j] = t;
  }
  const cumulative = new Float64Array(G);
  let total = 0;
  for (let g = 0; g < G; g++) {
    total += 1 / Math.pow(rank[g] + 1, 1.1);
    cumulative[g] = total;
  }
  const logMean = new Float64Array(G);
  const logSd = new Float64Array(G);
  const home = new Int32Array(G);
  const payFactor = new Float64Array(G);
  const drugShare = new Float64Array(G);
  const materialShare = new Float64Array(G);
  for (let g = 0; g < G; g++) {
    logMean[g] = 8.2 + 3 * u();
    logSd[g] = 0.25 + 0.5 * u();
    home[g] = Math.floor(u() * D);
    payFactor[g] = 0.5 + 0.7 * u();
    drugShare[g] = 0.15 + 0.35 * u();
    materialShare[g] = 0.05 + 0.35 * u();
  }
  const group = new Int32Array(rows);
  const department = new Int32Array(rows);
  const cost = new Float64Array(rows);
  const insurancePaid = new Float64Array(rows);
  const selfPay = new Float64Array(rows);
  const drugCost = new Float64Array(rows);
  const materialCost = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const pick = u() * total;
    let lo = 0;
    let hi = G - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > pick) hi = mid;
      else lo = mid + 1;
    }
    const g = lo;
    group[i] = g;
    department[i] = u() < 0.85 ? home[g] : Math.floor(u() * D);
    let c = Math.exp(logMean[g] + logSd[g] * normal(u));
    const tail = u();
    if (tail < 0.001) c *= 8 + 32 * u();
    else if (tail < 0.0015) c /= 10;
    const x = Math.max(1, cents(c));
    cost[i] = x;
    const revenue = cents(x * payFactor[g] * (0.9 + 0.2 * u()));
    insurancePaid[i] = cents(revenue * 0.7);
    selfPay[i] = Math.round(revenue * 100 - insurancePaid[i] * 100) / 100;
    drugCost[i] = cents(x * drugShare[g] * (0.8 + 0.4 * u()));
    materialCost[i] = cents(x * materialShare[g] * (0.8 + 0.4 * u()));
  }
  return { rows, groupCodes: codes, group, department, cost, insurancePaid, selfPay, drugCost, materialCost };
}

/** The three ranges as Excel hands them to a custom function: any[][] with a header row. */
export function excelRanges(cases: Cases): { groups: unknown[][]; departments: unknown[][]; costs: unknown[][] } {
  const n = cases.rows;
  const groups: unknown[][] = new Array(n + 1);
  const departments: unknown[][] = new Array(n + 1);
  const costs: unknown[][] = new Array(n + 1);
  groups[0] = [HEADERS.drg];
  departments[0] = [HEADERS.department];
  costs[0] = [HEADERS.cost];
  for (let i = 0; i < n; i++) {
    groups[i + 1] = [cases.groupCodes[cases.group[i]]];
    departments[i + 1] = [DEPARTMENTS[cases.department[i]]];
    costs[i + 1] = [cases.cost[i]];
  }
  return { groups, departments, costs };
}

/** Writes the cases as a UTF-8 CSV (money in JavaScript's shortest round-trip form). */
export function writeCsv(cases: Cases, file: string): void {
  const fd = fs.openSync(file, "w");
  try {
    const h = HEADERS;
    let chunk = `${h.drg},${h.department},${h.cost},${h.insurancePaid},${h.selfPay},${h.drugCost},${h.materialCost}\n`;
    for (let i = 0; i < cases.rows; i++) {
      chunk +=
        `${cases.groupCodes[cases.group[i]]},${DEPARTMENTS[cases.department[i]]},${cases.cost[i]},` +
        `${cases.insurancePaid[i]},${cases.selfPay[i]},${cases.drugCost[i]},${cases.materialCost[i]}\n`;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}
