/**
 * DuckDB computing the same results in SQL, in the same kind of process (Node, @duckdb/node-api):
 * - "table": the cases already in an in-memory table (loading is not timed), then the three
 *   queries (weights with logsd trimming into a table, CMI by department, cost index by
 *   department) and the overall CMI;
 * - "csv": read_csv of the benchmark CSV into a table plus the same queries, the counterpart of
 *   the command line run end to end.
 * Every query's result is read back into JavaScript, as a caller would.
 */
import { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import * as os from "os";
import { CmiRow, CostIndexRow, ReportGroupRow, ReportResults, ReportUnitRow, Results, SideReport, WeightRow } from "./results";

/** Default trimming of DRG_WEIGHT: logsd, k = 3, groups with fewer than 5 cases untrimmed. */
export const WEIGHTS_SQL = `
CREATE OR REPLACE TEMP TABLE w AS
WITH s AS (
  SELECT drg, count(*) AS n, sum(cost) AS total, avg(ln(cost)) AS mu, stddev_samp(ln(cost)) AS sd
  FROM cases GROUP BY drg),
k AS (
  SELECT c.drg, count(*) AS kept, sum(c.cost) AS kept_sum
  FROM cases c JOIN s ON c.drg = s.drg
  WHERE s.n < 5 OR ln(c.cost) BETWEEN s.mu - 3 * s.sd AND s.mu + 3 * s.sd
  GROUP BY c.drg),
g AS (
  SELECT s.drg, s.n, coalesce(k.kept, s.n) AS kept, coalesce(k.kept_sum, s.total) AS kept_sum
  FROM s LEFT JOIN k ON s.drg = k.drg)
SELECT drg, (kept_sum / kept) / (SELECT sum(kept_sum) / sum(kept) FROM g) AS weight,
  n::DOUBLE AS cases, kept::DOUBLE AS kept, kept_sum / kept AS mean_cost, n >= 5 AS reliable
FROM g ORDER BY drg`;

export const CMI_BY_DEPARTMENT_SQL = `
SELECT c.dept AS key, sum(w.weight) / count(*) AS cmi, count(*)::DOUBLE AS cases,
  sum(w.weight) AS total_weight, count(DISTINCT c.drg)::DOUBLE AS group_count
FROM cases c JOIN w ON c.drg = w.drg GROUP BY c.dept ORDER BY c.dept`;

export const CMI_OVERALL_SQL = `SELECT sum(w.weight) / count(*) AS cmi FROM cases c JOIN w ON c.drg = w.drg`;

export const COST_INDEX_BY_DEPARTMENT_SQL = `
WITH b AS (SELECT drg, avg(cost) AS bench FROM cases GROUP BY drg)
SELECT c.dept AS key, sum(c.cost / b.bench) / count(*) AS cost_index, count(*)::DOUBLE AS cases,
  avg(c.cost) AS mean_cost
FROM cases c JOIN b ON c.drg = b.drg GROUP BY c.dept ORDER BY c.dept`;

/** The benchmark CSV into the table `cases` (all seven columns, typed as the engine reads them). */
export function loadCsvSql(file: string): string {
  const path = file.replace(/'/g, "''");
  return `CREATE OR REPLACE TABLE cases AS SELECT * FROM read_csv('${path}', header = true,
    columns = {'drg': 'VARCHAR', 'dept': 'VARCHAR', 'cost': 'DOUBLE', 'ins': 'DOUBLE', 'self': 'DOUBLE',
               'drug': 'DOUBLE', 'material': 'DOUBLE'})`;
}

/**
 * What \`casemix report --json\` computes with its defaults, after WEIGHTS_SQL: per group the
 * cases, RW, revenue (insurance + self-pay), variable cost (drugs + materials), marginal
 * contribution and rate, the quadrant coefficient (x cut at the hospital CMI, y cut at the
 * hospital's own rate, total contribution / total revenue, as the report's default;
 * groups under 5 cases not classified: 1.0) and points; per department the cases, total
 * weight, CMI, points and amount (1 per point, in cents).
 */
export const REPORT_GROUPS_SQL = `
CREATE OR REPLACE TEMP TABLE q AS
WITH g AS (
  SELECT c.drg AS grp, count(*)::DOUBLE AS cases, any_value(w.weight) AS rw,
    sum(c.ins + c.self) AS revenue, sum(c.drug + c.material) AS cost
  FROM cases c JOIN w ON c.drg = w.drg GROUP BY c.drg),
h AS (SELECT sum(rw * cases) / sum(cases) AS cmi, (sum(revenue) - sum(cost)) / sum(revenue) AS rate FROM g)
SELECT grp, cases, rw, revenue, cost, revenue - cost AS contribution, (revenue - cost) / revenue AS rate,
  CASE WHEN cases < 5 THEN 1.0
       WHEN rw >= h.cmi AND (revenue - cost) / revenue >= h.rate THEN 1.5
       WHEN rw >= h.cmi THEN 1.3
       WHEN (revenue - cost) / revenue >= h.rate THEN 1.0
       ELSE 0.8 END AS coefficient,
  h.cmi AS hospital_cmi
FROM g, h`;

export const REPORT_UNITS_SQL = `
SELECT c.dept AS unit, count(*)::DOUBLE AS cases, sum(q.rw) AS total_weight, sum(q.rw) / count(*) AS cmi,
  sum(q.rw * q.coefficient) AS points, round(sum(q.rw * q.coefficient), 2) AS amount
FROM cases c JOIN q ON c.drg = q.grp GROUP BY c.dept ORDER BY c.dept`;

type Row = Record<string, unknown>;

async function rowsOf(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Row[];
}

interface QueryResults {
  weights: Row[];
  byDepartment: Row[];
  costIndex: Row[];
}

async function threeQueries(connection: DuckDBConnection, time: (step: string, ms: number) => void): Promise<QueryResults> {
  let t0 = performance.now();
  await connection.run(WEIGHTS_SQL);
  const weights = await rowsOf(connection, "SELECT * FROM w ORDER BY drg");
  let t1 = performance.now();
  time("weights", t1 - t0);
  t0 = t1;
  const byDepartment = await rowsOf(connection, CMI_BY_DEPARTMENT_SQL);
  t1 = performance.now();
  time("CMI by department", t1 - t0);
  t0 = t1;
  const costIndex = await rowsOf(connection, COST_INDEX_BY_DEPARTMENT_SQL);
  t1 = performance.now();
  time("cost index by department", t1 - t0);
  return { weights, byDepartment, costIndex };
}

function toResults(q: QueryResults, overall: number): Results {
  return {
    weights: q.weights.map((r): WeightRow => ({
      code: r.drg as string,
      weight: r.weight as number,
      cases: r.cases as number,
      kept: r.kept as number,
      meanCost: r.mean_cost as number,
    })),
    cmiOverall: overall,
    cmiByDepartment: q.byDepartment.map((r): CmiRow => ({
      key: r.key as string,
      cmi: r.cmi as number,
      cases: r.cases as number,
      totalWeight: r.total_weight as number,
      groupCount: r.group_count as number,
    })),
    costIndexByDepartment: q.costIndex.map((r): CostIndexRow => ({
      key: r.key as string,
      index: r.cost_index as number,
      cases: r.cases as number,
      meanCost: r.mean_cost as number,
    })),
  };
}

export const DUCKDB_TABLE_STEPS = ["weights", "CMI by department", "cost index by department", "target: the three queries", "CMI overall"];
export const DUCKDB_CSV_STEPS = ["read_csv into a table", "report queries", "end to end: read_csv + queries"];

async function open(): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection; threads: number }> {
  const threads = os.cpus().length;
  const instance = await DuckDBInstance.create(":memory:", { threads: String(threads) });
  const connection = await instance.connect();
  return { instance, connection, threads };
}

/** The in-memory table side: `csv` is loaded once (untimed), then the queries are timed. */
export async function runDuckdbTable(rows: number, csv: string, reps: number): Promise<SideReport> {
  const { instance, connection, threads } = await open();
  await connection.run(loadCsvSql(csv));
  const times: Record<string, number[]> = {};
  for (const s of DUCKDB_TABLE_STEPS) times[s] = [];
  let results: Results | undefined;
  for (let rep = -1; rep < reps; rep++) {
    const step: Record<string, number> = {};
    const q = await threeQueries(connection, (s, ms) => (step[s] = ms));
    const t0 = performance.now();
    const overall = (await rowsOf(connection, CMI_OVERALL_SQL))[0].cmi as number;
    step["CMI overall"] = performance.now() - t0;
    step["target: the three queries"] = step["weights"] + step["CMI by department"] + step["cost index by department"];
    if (rep < 0) results = toResults(q, overall);
    else for (const s of DUCKDB_TABLE_STEPS) times[s].push(step[s]);
  }
  connection.closeSync();
  instance.closeSync();
  return { side: "duckdb-table", rows, times, peakRss: process.resourceUsage().maxRSS * 1024, results, notes: [`threads = ${threads}`] };
}

/**
 * The counterpart of the command line: each repetition opens a fresh in-memory database (not
 * timed), then times read_csv into a table and the report queries (weights, groups with
 * margins and quadrants, departments).
 */
export async function runDuckdbCsv(rows: number, csv: string, reps: number): Promise<SideReport> {
  const times: Record<string, number[]> = {};
  for (const s of DUCKDB_CSV_STEPS) times[s] = [];
  let report: ReportResults | undefined;
  let threads = 0;
  for (let rep = -1; rep < reps; rep++) {
    const db = await open();
    threads = db.threads;
    const step: Record<string, number> = {};
    const t0 = performance.now();
    await db.connection.run(loadCsvSql(csv));
    const t1 = performance.now();
    step["read_csv into a table"] = t1 - t0;
    await db.connection.run(WEIGHTS_SQL);
    await db.connection.run(REPORT_GROUPS_SQL);
    const groups = await rowsOf(db.connection, "SELECT * FROM q ORDER BY grp");
    const units = await rowsOf(db.connection, REPORT_UNITS_SQL);
    const t2 = performance.now();
    step["report queries"] = t2 - t1;
    step["end to end: read_csv + queries"] = t2 - t0;
    if (rep < 0) {
      report = {
        cmi: groups[0].hospital_cmi as number,
        groups: groups.map((r): ReportGroupRow => ({
          group: r.grp as string,
          cases: r.cases as number,
          rw: r.rw as number,
          revenue: r.revenue as number,
          cost: r.cost as number,
          contribution: r.contribution as number,
          rate: r.rate as number,
          coefficient: Number(r.coefficient),
          points: (r.cases as number) * (r.rw as number) * Number(r.coefficient),
        })),
        units: units.map((r): ReportUnitRow => ({
          unit: r.unit as string,
          cases: r.cases as number,
          totalWeight: r.total_weight as number,
          cmi: r.cmi as number,
          points: r.points as number,
          amount: r.amount as number,
        })),
      };
    } else for (const s of DUCKDB_CSV_STEPS) times[s].push(step[s]);
    db.connection.closeSync();
    db.instance.closeSync();
  }
  return { side: "duckdb-csv", rows, times, peakRss: process.resourceUsage().maxRSS * 1024, report, notes: [`threads = ${threads}`] };
}
