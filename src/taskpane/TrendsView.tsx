/**
 * The "Trends and quality" view: the case data (selection, Excel table or named range) with the
 * quadrant view's column detection and mapping, weights (from the data or a weight table),
 * risk levels (from the data or a benchmark), the two years compared, the unit; Build writes
 * the sheet 趋势与质量 / Trends and Quality with progress and cancel, asking before it replaces
 * an earlier one. The steps are in trendsBuild.ts; this file is the screen.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
import { GroupRisk } from "../engine/mortalityRisk";
import { Lang } from "../engine/text";
import { TrendsPeriod } from "../report/trends/monitorTypes";
import { TrendsStringKey } from "./trendsI18n";
import { TrendsUnit } from "../report/trends/settings";
import { ColumnName } from "../engine/columns";
import { Detection, Overrides, detectColumns, mappingWith, weightTableOf, withCorrection } from "./build";
import { SourceData } from "./excelData";
import { NO_CHOICE, ReadWeights, SourceChoice, sourceKey, sourceOfChoice, weightSourceOf } from "./settings";
import { SourcePicker } from "./SourcePicker";
import { readWithProgress } from "./useReportRun";
import { excelDeps, runBuild, useViewSession, ViewSession } from "./useViewSession";
import { ColumnMappingSection, ReadStatus } from "./CaseColumns";
import { ViewFrame } from "./ViewFrame";
import { WeightTableRead } from "./WeightTableRead";
import {
  benchmarkOf,
  buildTrends,
  DEFAULT_TRENDS_FORM,
  TrendsForm,
  trendsMappingColumns,
  trendsMissingColumns,
  trendsSettingsFromForm,
  trendsSummaryLines,
  yearsOf,
} from "./trendsBuild";

type CaseRead = { key: string; data: SourceData; detection: Detection; years: string[] };

export function TrendsView({ lang }: { lang: Lang }) {
  const s = useTrendsSession(lang);
  const { say, runState, cases, onBuild } = s;
  return (
    <ViewFrame testId="trends-view" texts={say.trends} run={runState} say={say} testIds="trends-" onBuild={onBuild}>
      <TrendsDataSection s={s} />

      {cases.current && (
        <ColumnMappingSection
          say={say}
          ids="trends-"
          data={cases.current.data}
          detection={cases.current.detection}
          columns={trendsMappingColumns(cases.shape)}
          mapped={cases.mapped}
          missing={cases.missing}
          onMap={cases.onMap}
        />
      )}

      <Divider />
      <TrendsWeightsSection s={s} />

      <Divider />
      <TrendsLevelsSection s={s} />

      <Divider />
      <TrendsSettingsSection s={s} />
    </ViewFrame>
  );
}

type TrendsSession = ReturnType<typeof useTrendsSession>;

/** The view's state and what its buttons do: the case data, the weight table and benchmark, the form, Build. */
function useTrendsSession(lang: Lang) {
  const view = useViewSession(lang);
  const [form, setForm] = React.useState<TrendsForm>(DEFAULT_TRENDS_FORM);
  const setField = <K extends keyof TrendsForm>(key: K, value: TrendsForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const references = useTrendsReferences(view);
  const cases = useTrendsCases(view, form, references.weights);

  const onBuild = () =>
    runBuild(
      view.runState,
      () => trendsSettingsFromForm(form, lang, references.weights, references.benchmark),
      async (settings) => {
        const { source, current, overrides } = cases;
        const pick = { source, data: current?.data, detection: current?.detection, overrides };
        const built = await buildTrends(pick, settings, lang, excelDeps(view.runState));
        if (!current) cases.rememberRead(built.data, built.detection);
        return (seconds) => trendsSummaryLines(built, lang, seconds);
      },
    );

  return { ...view, form, setField, references, cases, onBuild };
}

/**
 * The case data: the source chosen, what was read from it (with the years found), the user's
 * corrections of the detected columns, and what the form needs of them.
 */
function useTrendsCases({ runState, say }: ViewSession, form: TrendsForm, weights: ReadWeights | undefined) {
  const [choice, setChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [read, setRead] = React.useState<CaseRead | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});

  const source = sourceOfChoice(choice);
  const current = read && read.key === sourceKey(source) ? read : undefined;
  const shape = { unit: form.unit, weights: weightSourceOf(form.weightMode, weights) };

  /** Keeps what was read; the years depend on the year or discharge date column as corrected. */
  const remember = (data: SourceData, detection: Detection, corrections: Overrides) =>
    setRead({ key: sourceKey(source), data, detection, years: yearsOf(data, detection, corrections) });
  /** A fresh read: its detected columns, no corrections yet. */
  const rememberRead = (data: SourceData, detection: Detection) => {
    setOverrides({});
    remember(data, detection, {});
  };

  const onRead = () =>
    runState.run(async () => {
      const data = await readWithProgress(runState, say, source, { announce: true });
      rememberRead(data, detectColumns(data.values));
    });

  const onMap = (column: ColumnName, value: string) => {
    const next = withCorrection(overrides, column, value);
    setOverrides(next);
    if (current && (column === "year" || column === "dischargeDate")) remember(current.data, current.detection, next);
  };

  return {
    choice,
    setChoice,
    source,
    current,
    overrides,
    shape,
    missing: current ? trendsMissingColumns(current.detection, overrides, shape) : [],
    mapped: current ? mappingWith(current.detection, overrides) : {},
    years: current?.years ?? [],
    rememberRead,
    onRead,
    onMap,
  };
}

/** The weight table and the benchmark of risk levels, each read from a source of its own. */
function useTrendsReferences({ runState, say }: ViewSession) {
  const [weightChoice, setWeightChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [benchChoice, setBenchChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [weights, setWeights] = React.useState<ReadWeights | undefined>();
  const [benchmark, setBenchmark] = React.useState<{ risk: GroupRisk; name: string } | undefined>();

  const readFrom = (choice: SourceChoice) => readWithProgress(runState, say, sourceOfChoice(choice));
  const onReadWeights = () =>
    runState.run(async () => {
      const data = await readFrom(weightChoice);
      setWeights({ table: weightTableOf(data), name: data.address });
    });
  const onReadBenchmark = () =>
    runState.run(async () => {
      const data = await readFrom(benchChoice);
      setBenchmark({ risk: benchmarkOf(data), name: data.address });
    });

  return {
    weightChoice,
    setWeightChoice,
    benchChoice,
    setBenchChoice,
    weights,
    benchmark,
    onReadWeights,
    onReadBenchmark,
  };
}

/** A source picker of this view: the case data, the weight table or the benchmark. */
function TrendsSourcePicker(props: {
  s: TrendsSession;
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  testId: string;
}) {
  const { s, ...pick } = props;
  return <SourcePicker {...s.workbook} {...pick} ariaLabel={s.say.pane("sourceKind")} />;
}

function TrendsDataSection({ s }: { s: TrendsSession }) {
  const { styles, say, runState, cases } = s;
  const { current, years } = cases;
  return (
    <section className={styles.section} aria-labelledby="trends-data-heading">
      <Subtitle2 id="trends-data-heading">{say.pane("dataSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{say.trends("dataHint")}</Caption1>
      <TrendsSourcePicker s={s} choice={cases.choice} onChange={cases.setChoice} testId="trends-source" />
      <div className={styles.buttons}>
        <Button onClick={cases.onRead} disabled={runState.busy !== null} data-testid="trends-read">
          {current ? say.trends("readAgain") : say.trends("read")}
        </Button>
      </div>
      {current && (
        <Caption1 data-testid="trends-data-status">
          <ReadStatus say={say} data={current.data} detection={current.detection} />
          {" · "}
          {years.length > 0
            ? say.trends("yearsFound", { years: years.join(say.listSeparator) })
            : say.trends("noYears")}
          {cases.mapped.died === undefined ? ` · ${say.trends("noDied")}` : ""}
        </Caption1>
      )}
    </section>
  );
}

function TrendsWeightsSection({ s }: { s: TrendsSession }) {
  const { styles, say, runState, references, form, setField } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-weights-heading">
      <Subtitle2 id="trends-weights-heading">{say.pane("weightsSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{say.trends("weightsHint")}</Caption1>
      <RadioGroup
        value={form.weightMode}
        onChange={(_, d) => setField("weightMode", d.value as TrendsForm["weightMode"])}
      >
        <Radio value="data" label={say.trends("weightsFromData")} />
        <Radio value="table" label={say.pane("weightsFromTable")} />
      </RadioGroup>
      {form.weightMode === "table" && (
        <>
          <Caption1 className={styles.muted}>{say.pane("weightTableHint")}</Caption1>
          <TrendsSourcePicker
            s={s}
            choice={references.weightChoice}
            onChange={references.setWeightChoice}
            testId="trends-weights"
          />
          <WeightTableRead
            say={say}
            onRead={references.onReadWeights}
            disabled={runState.busy !== null}
            weights={references.weights}
          />
        </>
      )}
    </section>
  );
}

function TrendsLevelsSection({ s }: { s: TrendsSession }) {
  const { styles, say, runState, references, form, setField } = s;
  const { benchmark } = references;
  return (
    <section className={styles.section} aria-labelledby="trends-levels-heading">
      <Subtitle2 id="trends-levels-heading">{say.trends("levelsSection")}</Subtitle2>
      <RadioGroup value={form.levelMode} onChange={(_, d) => setField("levelMode", d.value as TrendsForm["levelMode"])}>
        <Radio value="data" label={say.trends("levelsFromData")} />
        <Radio value="benchmark" label={say.trends("levelsFromBenchmark")} />
      </RadioGroup>
      {form.levelMode === "benchmark" && (
        <>
          <Caption1 className={styles.muted}>{say.trends("benchmarkHint")}</Caption1>
          <TrendsSourcePicker
            s={s}
            choice={references.benchChoice}
            onChange={references.setBenchChoice}
            testId="trends-benchmark"
          />
          <div className={styles.buttons}>
            <Button onClick={references.onReadBenchmark} disabled={runState.busy !== null}>
              {say.trends("readBenchmark")}
            </Button>
          </div>
          {benchmark && (
            <Caption1>
              {say.trends("benchmarkRead", {
                groups: benchmark.risk.codes.length,
                withDeaths: Array.from(benchmark.risk.deaths).filter((d) => d > 0).length,
                address: benchmark.name,
              })}
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}

/** The monitoring periods the selector offers, with their labels. */
const PERIOD_CHOICES: [TrendsPeriod, TrendsStringKey][] = [
  ["year", "periodYear"],
  ["quarter", "periodQuarter"],
  ["month", "periodMonth"],
  ["column", "periodColumn"],
];

/** The year before or after: a list of the years found in the data, else a box to type one in. */
function YearField({ s, which }: { s: TrendsSession; which: "before" | "after" }) {
  const { styles, say, form, setField } = s;
  const years = s.cases.years;
  return (
    <Field className={styles.grow} label={say.trends(which)}>
      {years.length > 0 ? (
        <Select value={form[which]} onChange={(_, d) => setField(which, d.value)} data-testid={`trends-${which}`}>
          <option value="">{say.trends("latestTwo")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={form[which]}
          placeholder={say.trends("latestTwo")}
          onChange={(_, d) => setField(which, d.value)}
          data-testid={`trends-${which}`}
        />
      )}
    </Field>
  );
}

function TrendsSettingsSection({ s }: { s: TrendsSession }) {
  const { styles, say, form, setField } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-settings-heading">
      <Subtitle2 id="trends-settings-heading">{say.pane("settingsSection")}</Subtitle2>
      <div className={styles.row}>
        <YearField s={s} which="before" />
        <YearField s={s} which="after" />
      </div>
      <Caption1 className={styles.muted}>{say.trends("yearsHint")}</Caption1>
      <Field label={say.trends("unit")}>
        <RadioGroup layout="horizontal" value={form.unit} onChange={(_, d) => setField("unit", d.value as TrendsUnit)}>
          <Radio value="department" label={say.pane("unitDepartment")} />
          <Radio value="doctor" label={say.pane("unitDoctor")} />
        </RadioGroup>
      </Field>
      <Field label={say.trends("period")} hint={say.trends("periodHint")}>
        <Select
          value={form.period}
          onChange={(_, d) => setField("period", d.value as TrendsPeriod)}
          data-testid="trends-period"
        >
          {PERIOD_CHOICES.map(([value, key]) => (
            <option key={value} value={value}>
              {say.trends(key)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={say.trends("minCases")}>
        <Input value={form.minCases} onChange={(_, d) => setField("minCases", d.value)} />
      </Field>
      <Field label={say.trends("flagTolerance")}>
        <Input value={form.flagTolerance} onChange={(_, d) => setField("flagTolerance", d.value)} />
      </Field>
      <Field label={say.trends("topAdrgs")}>
        <Input value={form.topAdrgs} onChange={(_, d) => setField("topAdrgs", d.value)} />
      </Field>
      <Field label={say.trends("targetShare")}>
        <Input
          value={form.targetShare}
          onChange={(_, d) => setField("targetShare", d.value)}
          data-testid="trends-target-share"
        />
      </Field>
      <Field label={say.trends("targetBenchmark")}>
        <Input
          value={form.targetBenchmark}
          placeholder={say.trends("targetBenchmarkPlaceholder")}
          onChange={(_, d) => setField("targetBenchmark", d.value)}
          data-testid="trends-target-benchmark"
        />
      </Field>
    </section>
  );
}
