/**
 * The sample case file: a deterministic, realistic discharge-record export (病案首页 extract)
 * of a mid-sized general hospital over three years, with the columns and Chinese headers a
 * hospital information system writes, for the demo, the tests and the performance runs.
 *
 * - Groups: real CHS-DRG codes, names and weights (Harbin 2024 catalogue, data/), the
 *   groups with a weight only.
 * - 24 departments, each with the MDCs (first letter) and group types (second letter:
 *   A-J surgical, K-Q non-operating-room procedure, R-Z medical) it treats; doctors per
 *   department in proportion to its size; a persistent popularity per group (lognormal, lower
 *   for the severe digits 1 and 3 and for heavy groups) and per doctor.
 * - Costs: total charges 住院总费用 ~ base x RW x department and group efficiency x yearly
 *   inflation x lognormal noise, with 2% high-cost outliers. Drugs and materials are charged at
 *   cost (zero mark-up), their shares set by group type and name (支架, 置换, 植入 … are
 *   material-heavy; 化疗 drug-heavy). Allocated direct, auxiliary and administrative costs are
 *   shares of the charges.
 * - Revenue: DRG payment of RW x 12,252.70 (Harbin employee rate 2024, 2% less a year before),
 *   more for high-cost cases (charges above twice the payment), charges for low-cost cases
 *   (below 0.4 x the payment); the patient pays 10% to 35% of the charges (个人自付), the fund
 *   the rest of the payment (医保统筹支付).
 * - LOS grows with the weight; deaths by weight and severity, written as discharge way 5.
 *
 * - `layout`: the money columns as above (summary, the default), or as the front page or the
 *   settlement list writes them (sampleLayouts.ts), from the same draws.
 *
 * The same seed gives the same file byte for byte.
 */
import * as fs from "fs";
import { CaseMixError } from "../engine/text";
import { checkOutput, writeAtomically } from "./output";
import { decodeText, parseCsvColumns } from "./readInput";
import { dataFile } from "./repository";
import { DEPARTMENTS, DRUG_HEAVY, GIVEN, MATERIAL_HEAVY, SURNAMES } from "./sampleHospital";
import { KEY_HEADERS, layoutCells, layoutHeaders, SAMPLE_SHEET, SampleLayout, sheetRow } from "./sampleLayouts";
import { excelJS } from "../report/lazyModules";

export const HARBIN_WEIGHTS = dataFile("harbin_chsdrg_weights_2024.csv");

export const SAMPLE_HEADERS = [
  "病案号",
  "出院科室",
  "主诊医师",
  "DRG编码",
  "DRG名称",
  "出院日期",
  "住院天数",
  "离院方式",
  "住院总费用",
  "医保统筹支付",
  "个人自付",
  "药品费",
  "耗材费",
  "分摊直接费用",
  "分摊医辅费用",
  "分摊管理费用",
];

/** A small, fast, seedable generator (mulberry32) whose state can be saved and restored. */
export class Mulberry32 {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  readonly next = (): number => {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  get state(): number {
    return this.a;
  }
  set state(a: number) {
    this.a = a >>> 0;
  }
}

/** The generator as a function (mulberry32). */
export function rng(seed: number): () => number {
  return new Mulberry32(seed).next;
}

function normal(random: () => number): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const lognormal = (random: () => number, sigma: number) => Math.exp(sigma * normal(random) - (sigma * sigma) / 2);

interface Group {
  code: string;
  name: string;
  weight: number;
}

/** Groups with a weight from the Harbin catalogue file (drg_code, adrg_code, severity_digit, drg_name, weight). */
export function readCatalogue(file: string): Group[] {
  if (!fs.existsSync(file)) {
    throw new CaseMixError("value", {
      en: `${file}: the weight catalogue is needed to generate the sample (give it with --weights)`,
      zh: `${file}：生成示例数据需要权重目录文件（用 --weights 指定）`,
    });
  }
  const { columns } = parseCsvColumns(decodeText(fs.readFileSync(file)).text);
  const [codes, , , names, weights] = columns;
  const out: Group[] = [];
  for (let i = 1; i < codes.length; i++) {
    const w = Number(weights[i]);
    if (weights[i].trim() !== "" && Number.isFinite(w) && w > 0 && /^[A-Z]{2}\d{2}$/.test(codes[i])) {
      out.push({ code: codes[i], name: names[i], weight: w });
    }
  }
  return out;
}

function pick(cumulative: Float64Array, random: () => number): number {
  const x = random() * cumulative[cumulative.length - 1];
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => {
    s += w;
    out[i] = s;
  });
  return out;
}

const money = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface SampleResult {
  text: string;
  cases: number;
  departments: number;
  doctors: number;
  groups: number;
}

type SampleDepartment = {
  name: string;
  groups: Group[];
  groupPick: Float64Array;
  doctors: string[];
  doctorPick: Float64Array;
  efficiency: number;
  surgical: boolean;
};

type GroupLevel = { level: number; drug: number; material: number };

const YEARS = [2022, 2023, 2024];
const YEAR_SHARE = cumulate([0.31, 0.33, 0.36]);
const INFLATION = [0.96, 0.98, 1.0];
const PAYMENT_YEAR = [0.96, 0.98, 1.0];
const RATE = 12252.7;
const BASE_CHARGES = 12000;

/** Departments (their groups with popularity, doctors, efficiency) and each group's cost level, drawn first. */
function drawHospital(
  catalogue: Group[],
  random: () => number,
): { depts: SampleDepartment[]; deptPick: Float64Array; groupLevel: Map<string, GroupLevel> } {
  const usedNames = new Set<string>();
  const depts = DEPARTMENTS.map((d) => {
    const groups: Group[] = [];
    const pop: number[] = [];
    for (const [pattern, share] of d.mix) {
      const matching = catalogue.filter((g) => pattern.test(g.code));
      const raw = matching.map((g) => {
        const digit = g.code[3];
        const severity = digit === "1" ? 0.35 : digit === "3" ? 0.6 : digit === "7" ? 0.05 : 1;
        return lognormal(random, 1.3) * severity * Math.pow(g.weight, -0.6);
      });
      const total = raw.reduce((a, b) => a + b, 0) || 1;
      matching.forEach((g, i) => {
        groups.push(g);
        pop.push((share * raw[i]) / total);
      });
    }
    const nDoctors = Math.max(3, Math.round(d.size * 7 + random() * 3));
    const doctors: string[] = [];
    while (doctors.length < nDoctors) {
      const name =
        SURNAMES[Math.floor(random() * SURNAMES.length)] +
        GIVEN[Math.floor(random() * GIVEN.length)] +
        (random() < 0.6 ? GIVEN[Math.floor(random() * GIVEN.length)] : "");
      if (usedNames.has(name)) continue;
      usedNames.add(name);
      doctors.push(name);
    }
    return {
      name: d.name,
      groups,
      groupPick: cumulate(pop),
      doctors,
      doctorPick: cumulate(doctors.map(() => lognormal(random, 0.6))),
      efficiency: lognormal(random, 0.15),
      surgical: /外科|骨科|妇科|产科|眼科|耳鼻/.test(d.name),
    };
  });
  const deptPick = cumulate(DEPARTMENTS.map((d) => d.size));
  const groupLevel = new Map<string, GroupLevel>();
  for (const g of catalogue) {
    const type = g.code[1];
    const surgical = type >= "A" && type <= "J";
    const procedure = type >= "K" && type <= "Q";
    let material = surgical ? 0.26 : procedure ? 0.22 : 0.08;
    let drug = surgical ? 0.18 : procedure ? 0.2 : 0.38;
    if (MATERIAL_HEAVY.test(g.name)) material = 0.55;
    if (DRUG_HEAVY.test(g.name)) drug = 0.55;
    groupLevel.set(g.code, {
      level: lognormal(random, 0.4),
      drug: drug * lognormal(random, 0.15),
      material: material * lognormal(random, 0.2),
    });
  }
  return { depts, deptPick, groupLevel };
}

/** One case's draws, in the order the generator makes them (the file depends on that order). */
interface DrawnCase {
  dept: SampleDepartment;
  group: Group;
  doctor: string;
  year: number;
  dayOfYear: number;
  money: number[];
  los: number;
  way: number;
}

function drawCase(h: ReturnType<typeof drawHospital>, random: () => number): DrawnCase {
  const d = h.depts[pick(h.deptPick, random)];
  const g = d.groups[pick(d.groupPick, random)];
  const doctor = d.doctors[pick(d.doctorPick, random)];
  const y = pick(YEAR_SHARE, random);
  const dayOfYear = Math.floor(random() * 365);
  const level = h.groupLevel.get(g.code) as GroupLevel;

  let charges = BASE_CHARGES * g.weight * d.efficiency * level.level * INFLATION[y] * lognormal(random, 0.32);
  if (random() < 0.02) charges *= 2.2 + random() * 2.5;
  charges = Math.max(300, charges);
  const payment = g.weight * RATE * PAYMENT_YEAR[y];
  const ratio = charges / payment;
  let paid = payment;
  if (ratio > 2) paid = payment * (1 + 0.8 * (ratio - 2));
  else if (ratio < 0.4) paid = charges;
  const selfPay = charges * (0.1 + 0.25 * random());
  const insurance = Math.max(0, paid - selfPay);

  const drug = Math.min(0.8, level.drug * lognormal(random, 0.15)) * charges;
  const material = Math.min(0.85 - drug / charges, level.material * lognormal(random, 0.2)) * charges;
  const direct = charges * 0.27 * lognormal(random, 0.08);
  const aux = charges * 0.08 * lognormal(random, 0.08);
  const admin = charges * 0.065 * lognormal(random, 0.05);

  const los = Math.max(
    1,
    Math.round((2 + 4.5 * Math.pow(g.weight, 0.55) + (d.surgical ? 1 : 0)) * lognormal(random, 0.35)),
  );
  const digit = g.code[3];
  const pDeath =
    (g.code[0] === "A" ? 0.08 : 0.0015) +
    (digit === "1" ? 0.025 : digit === "3" ? 0.006 : 0.001) * Math.min(2, g.weight);
  let way = 1;
  if (random() < pDeath) way = 5;
  else {
    const u = random();
    way = u < 0.9 ? 1 : u < 0.94 ? 2 : u < 0.95 ? 3 : u < 0.985 ? 4 : 9;
  }
  return {
    dept: d,
    group: g,
    doctor,
    year: y,
    dayOfYear,
    money: [charges, insurance, selfPay, drug, material, direct, aux, admin],
    los,
    way,
  };
}

/** The CSV line of a case; `seq` is its number within its year, in the order the cases are drawn. */
function caseLine(c: DrawnCase, seq: number, layout: SampleLayout): string {
  const date = new Date(Date.UTC(YEARS[c.year], 0, 1 + c.dayOfYear));
  const [charges, insurance, selfPay, drug, material] = c.money;
  const moneyCells =
    layout === "summary"
      ? c.money.map(money)
      : layoutCells(layout, { charges, insurance, selfPay, drug, material }).map(money);
  return [
    `${YEARS[c.year]}${String(seq).padStart(6, "0")}`,
    c.dept.name,
    c.doctor,
    c.group.code,
    csvField(c.group.name),
    date.toISOString().slice(0, 10),
    String(c.los),
    String(c.way),
    ...moneyCells,
  ].join(",");
}

/** Discharge days the cases are sorted by: year x 366 + day of the year. */
const DAYS = YEARS.length * 366;

/**
 * Generates the sample (see the module comment) line by line into `emit`, in discharge order
 * (by day, then in the order drawn), in memory of 14 bytes a case rather than the text: a first
 * pass draws every case and keeps only where its draws start (the generator's state), its day
 * and its number in its year; the second sorts those by day and draws each case again there.
 */
export function streamSample(
  catalogue: Group[],
  options: { cases: number; seed: number; layout?: SampleLayout },
  emit: (text: string) => void,
): Omit<SampleResult, "text"> {
  const layout = options.layout ?? "summary";
  const random = new Mulberry32(options.seed);
  const hospital = drawHospital(catalogue, random.next);
  const n = options.cases;
  const states = new Uint32Array(n);
  const days = new Uint16Array(n);
  const seqs = new Uint32Array(n);
  const perDay = new Int32Array(DAYS + 1);
  const seqByYear = [0, 0, 0];
  const groupsUsed = new Set<string>();
  for (let i = 0; i < n; i++) {
    states[i] = random.state;
    const c = drawCase(hospital, random.next);
    groupsUsed.add(c.group.code);
    seqs[i] = ++seqByYear[c.year];
    days[i] = c.year * 366 + c.dayOfYear;
    perDay[days[i] + 1]++;
  }
  for (let k = 1; k <= DAYS; k++) perDay[k] += perDay[k - 1];
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[perDay[days[i]]++] = i;
  const headers = layout === "summary" ? SAMPLE_HEADERS : [...KEY_HEADERS, ...layoutHeaders(layout)];
  emit(headers.join(",") + "\r\n");
  for (let k = 0; k < n; k++) {
    const i = order[k];
    random.state = states[i];
    emit(caseLine(drawCase(hospital, random.next), seqs[i], layout) + "\r\n");
  }
  return {
    cases: n,
    departments: hospital.depts.length,
    doctors: hospital.depts.reduce((a, d) => a + d.doctors.length, 0),
    groups: groupsUsed.size,
  };
}

/** The sample as CSV text (UTF-8 with BOM when written); see `streamSample`. */
export function generateSample(
  catalogue: Group[],
  options: { cases: number; seed: number; layout?: SampleLayout },
): SampleResult {
  const parts: string[] = [];
  const r = streamSample(catalogue, options, (t) => parts.push(t));
  return { text: parts.join(""), ...r };
}

/** Writes the sample file (UTF-8 with a BOM, so that Excel opens it right) in 1 MiB pieces, to a temporary file renamed at the end. */
export async function writeSample(
  out: string,
  options: { cases: number; seed: number; weightsFile: string; force: boolean; layout?: SampleLayout },
): Promise<Omit<SampleResult, "text"> & { bytes: number }> {
  checkOutput(out, { force: options.force, inputs: [options.weightsFile] });
  const catalogue = readCatalogue(options.weightsFile);
  if (/\.xlsx$/i.test(out)) return writeSampleXlsx(out, catalogue, options);
  let r: Omit<SampleResult, "text"> | undefined;
  let bytes = 0;
  await writeAtomically(out, (tmp) => {
    const fd = fs.openSync(tmp, "w");
    try {
      const buf = Buffer.allocUnsafe(1 << 20);
      let used = 0;
      const flush = () => {
        fs.writeSync(fd, buf, 0, used);
        bytes += used;
        used = 0;
      };
      buf.set([0xef, 0xbb, 0xbf]);
      used = 3;
      r = streamSample(catalogue, options, (text) => {
        if (used + text.length * 3 > buf.length) flush();
        used += buf.write(text, used, "utf8");
      });
      flush();
    } finally {
      fs.closeSync(fd);
    }
  });
  return { ...(r as Omit<SampleResult, "text">), bytes };
}

/** The most cases a sample written as .xlsx holds (a sheet has 1,048,576 rows; kept in memory). */
export const MAX_XLSX_SAMPLE_CASES = 1_000_000;

/** Writes the sample as an .xlsx workbook, its cases on the sheet SAMPLE_SHEET. */
async function writeSampleXlsx(
  out: string,
  catalogue: Group[],
  options: { cases: number; seed: number; layout?: SampleLayout },
): Promise<Omit<SampleResult, "text"> & { bytes: number }> {
  if (options.cases > MAX_XLSX_SAMPLE_CASES) {
    throw new CaseMixError("value", {
      en: `a sample written as .xlsx holds at most ${MAX_XLSX_SAMPLE_CASES.toLocaleString("en")} cases; write a .csv for more`,
      zh: `写成 .xlsx 的示例最多 ${MAX_XLSX_SAMPLE_CASES.toLocaleString("en")} 例；更多请写成 .csv`,
    });
  }
  const { text, ...r } = generateSample(catalogue, options);
  const { columns, rows } = parseCsvColumns(text);
  const wb = new (excelJS().Workbook)();
  const ws = wb.addWorksheet(SAMPLE_SHEET);
  for (let i = 0; i < rows; i++)
    ws.addRow(
      sheetRow(
        columns.map((col) => col[i] ?? ""),
        i === 0,
      ),
    );
  await writeAtomically(out, (tmp) => wb.xlsx.writeFile(tmp));
  return { ...r, bytes: fs.statSync(out).size };
}
