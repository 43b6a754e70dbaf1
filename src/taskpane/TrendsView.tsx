/* global Excel */
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
import { WeightTable } from "../engine/weightTable";
import { renderIntoWorkbook } from "../report/excelRun";
import { TrendsUnit } from "../report/trends/settings";
import { Detection, Overrides, detectColumns, mappingWith, weightTableOf } from "./build";
import { DataSource, SourceData } from "./excelData";
import { NO_CHOICE, SourceChoice, sourceKey, sourceOfChoice, weightSourceOf } from "./settings";
import { SourcePicker, useSourceList } from "./SourcePicker";
import { textsIn } from "./texts";
import { readWithProgress, useReportRun } from "./useReportRun";
import { ColumnMappingSection, ReadStatus } from "./CaseColumns";
import { useViewStyles } from "./viewStyles";
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
import { TrendsStringKey } from "./trendsI18n";

type Read = { key: string; data: SourceData; detection: Detection; years: string[] };

export function TrendsView({ lang }: { lang: Lang }) {
  const s = useTrendsSession(lang);
  const { say, X, runState, current, shape, missing, mapped, onMap, onBuild } = s;
  return (
    <ViewFrame testId="trends-view" texts={X} run={runState} say={say} testIds="trends-" onBuild={onBuild}>
      <TrendsDataSection s={s} />

      {current && (
        <ColumnMappingSection
          say={say}
          ids="trends-"
          data={current.data}
          detection={current.detection}
          columns={trendsMappingColumns(shape)}
          mapped={mapped}
          missing={missing}
          onMap={onMap}
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

/** The view's state and what its buttons do. */
function useTrendsSession(lang: Lang) {
  const styles = useViewStyles();
  const say = textsIn(lang);
  const T = say.pane;
  const X = say.trends;
  const sep = say.listSeparator;
  const runState = useReportRun(say);
  const { busy, setBusy, setError, setResult, run } = runState;
  const { sources, refresh: refreshSources } = useSourceList(say, setError);

  const [choice, setChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [weightChoice, setWeightChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [benchChoice, setBenchChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [read, setRead] = React.useState<Read | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [weights, setWeights] = React.useState<{ table: WeightTable; name: string } | undefined>();
  const [benchmark, setBenchmark] = React.useState<{ risk: GroupRisk; name: string } | undefined>();
  const [form, setForm] = React.useState<TrendsForm>(DEFAULT_TRENDS_FORM);

  const set = <K extends keyof TrendsForm>(key: K, value: TrendsForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const source = sourceOfChoice(choice);
  const current = read && read.key === sourceKey(source) ? read : undefined;
  const shape = {
    unit: form.unit,
    weights: weightSourceOf(form.weightMode, weights),
  };
  const missing = current ? trendsMissingColumns(current.detection, overrides, shape) : [];
  const mapped = current ? mappingWith(current.detection, overrides) : {};

  const readFrom = (target: DataSource, announce = false) => readWithProgress(runState, say, target, { announce });

  const remember = (data: SourceData, detection: Detection, corrections: Overrides) =>
    setRead({ key: sourceKey(source), data, detection, years: yearsOf(data, detection, corrections) });

  const onRead = () =>
    run(async () => {
      const data = await readFrom(source, true);
      setOverrides({});
      remember(data, detectColumns(data.values), {});
    });

  const onReadWeights = () =>
    run(async () => {
      const data = await readFrom(sourceOfChoice(weightChoice));
      setWeights({ table: weightTableOf(data), name: data.address });
    });

  const onReadBenchmark = () =>
    run(async () => {
      const data = await readFrom(sourceOfChoice(benchChoice));
      setBenchmark({ risk: benchmarkOf(data), name: data.address });
    });

  const onMap = (column: keyof Overrides, value: string) => {
    const next = { ...overrides, [column]: value === "" ? null : Number(value) };
    setOverrides(next);
    if (current && (column === "year" || column === "dischargeDate")) remember(current.data, current.detection, next);
  };

  const onBuild = () =>
    run(async () => {
      setResult(undefined);
      const started = Date.now();
      const checked = trendsSettingsFromForm(form, lang, weights, benchmark);
      if (checked.settings === undefined) {
        setError(checked.errors.join("\n"));
        return;
      }
      const built = await buildTrends(
        { source, data: current?.data, detection: current?.detection, overrides },
        checked.settings,
        lang,
        {
          run: (batch) => Excel.run(batch),
          render: renderIntoWorkbook,
          ask: runState.ask,
          onProgress: (label, progress) => setBusy({ label, progress }),
          isCancelled: runState.isCancelled,
        },
      );
      if (!current) {
        setOverrides({});
        remember(built.data, built.detection, {});
      }
      setResult(trendsSummaryLines(built, lang, (Date.now() - started) / 1000));
    });

  const picker = (choice: SourceChoice, onChange: (c: SourceChoice) => void, id: string) => (
    <SourcePicker
      choice={choice}
      onChange={onChange}
      sources={sources}
      onRefresh={() => void refreshSources()}
      say={say}
      testId={id}
      ariaLabel={T("sourceKind")}
    />
  );

  const years = current?.years ?? [];
  const yearPicker = (key: "before" | "after", label: TrendsStringKey) =>
    years.length > 0 ? (
      <Field className={styles.grow} label={X(label)}>
        <Select value={form[key]} onChange={(_, d) => set(key, d.value)} data-testid={`trends-${key}`}>
          <option value="">{X("latestTwo")}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </Select>
      </Field>
    ) : (
      <Field className={styles.grow} label={X(label)}>
        <Input
          value={form[key]}
          placeholder={X("latestTwo")}
          onChange={(_, d) => set(key, d.value)}
          data-testid={`trends-${key}`}
        />
      </Field>
    );

  return {
    styles,
    say,
    T,
    X,
    sep,
    runState,
    busy,
    setBusy,
    setError,
    setResult,
    run,
    sources,
    refreshSources,
    choice,
    setChoice,
    weightChoice,
    setWeightChoice,
    benchChoice,
    setBenchChoice,
    read,
    setRead,
    overrides,
    setOverrides,
    weights,
    setWeights,
    benchmark,
    setBenchmark,
    form,
    setForm,
    set,
    source,
    current,
    shape,
    missing,
    mapped,
    readFrom,
    remember,
    onRead,
    onReadWeights,
    onReadBenchmark,
    onMap,
    onBuild,
    picker,
    years,
    yearPicker,
  };
}

function TrendsDataSection({ s }: { s: TrendsSession }) {
  const { styles, say, T, X, sep, busy, choice, setChoice, current, mapped, onRead, picker, years } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-data-heading">
      <Subtitle2 id="trends-data-heading">{T("dataSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{X("dataHint")}</Caption1>
      {picker(choice, setChoice, "trends-source")}
      <div className={styles.buttons}>
        <Button onClick={onRead} disabled={busy !== null} data-testid="trends-read">
          {current ? X("readAgain") : X("read")}
        </Button>
      </div>
      {current && (
        <Caption1 data-testid="trends-data-status">
          <ReadStatus say={say} data={current.data} detection={current.detection} />
          {" · "}
          {years.length > 0 ? X("yearsFound", { years: years.join(sep) }) : X("noYears")}
          {mapped.died === undefined ? ` · ${X("noDied")}` : ""}
        </Caption1>
      )}
    </section>
  );
}

function TrendsWeightsSection({ s }: { s: TrendsSession }) {
  const { styles, say, T, X, busy, weightChoice, setWeightChoice, weights, form, set, onReadWeights, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-weights-heading">
      <Subtitle2 id="trends-weights-heading">{T("weightsSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{X("weightsHint")}</Caption1>
      <RadioGroup value={form.weightMode} onChange={(_, d) => set("weightMode", d.value as TrendsForm["weightMode"])}>
        <Radio value="data" label={X("weightsFromData")} />
        <Radio value="table" label={T("weightsFromTable")} />
      </RadioGroup>
      {form.weightMode === "table" && (
        <>
          <Caption1 className={styles.muted}>{T("weightTableHint")}</Caption1>
          {picker(weightChoice, setWeightChoice, "trends-weights")}
          <WeightTableRead say={say} onRead={onReadWeights} disabled={busy !== null} weights={weights} />
        </>
      )}
    </section>
  );
}

function TrendsLevelsSection({ s }: { s: TrendsSession }) {
  const { styles, X, busy, benchChoice, setBenchChoice, benchmark, form, set, onReadBenchmark, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-levels-heading">
      <Subtitle2 id="trends-levels-heading">{X("levelsSection")}</Subtitle2>
      <RadioGroup value={form.levelMode} onChange={(_, d) => set("levelMode", d.value as TrendsForm["levelMode"])}>
        <Radio value="data" label={X("levelsFromData")} />
        <Radio value="benchmark" label={X("levelsFromBenchmark")} />
      </RadioGroup>
      {form.levelMode === "benchmark" && (
        <>
          <Caption1 className={styles.muted}>{X("benchmarkHint")}</Caption1>
          {picker(benchChoice, setBenchChoice, "trends-benchmark")}
          <div className={styles.buttons}>
            <Button onClick={onReadBenchmark} disabled={busy !== null}>
              {X("readBenchmark")}
            </Button>
          </div>
          {benchmark && (
            <Caption1>
              {X("benchmarkRead", {
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

function TrendsSettingsSection({ s }: { s: TrendsSession }) {
  const { styles, T, X, form, set, yearPicker } = s;
  return (
    <section className={styles.section} aria-labelledby="trends-settings-heading">
      <Subtitle2 id="trends-settings-heading">{T("settingsSection")}</Subtitle2>
      <div className={styles.row}>
        {yearPicker("before", "before")}
        {yearPicker("after", "after")}
      </div>
      <Caption1 className={styles.muted}>{X("yearsHint")}</Caption1>
      <Field label={X("unit")}>
        <RadioGroup layout="horizontal" value={form.unit} onChange={(_, d) => set("unit", d.value as TrendsUnit)}>
          <Radio value="department" label={T("unitDepartment")} />
          <Radio value="doctor" label={T("unitDoctor")} />
        </RadioGroup>
      </Field>
      <Field label={X("minCases")}>
        <Input value={form.minCases} onChange={(_, d) => set("minCases", d.value)} />
      </Field>
      <Field label={X("flagTolerance")}>
        <Input value={form.flagTolerance} onChange={(_, d) => set("flagTolerance", d.value)} />
      </Field>
      <Field label={X("topAdrgs")}>
        <Input value={form.topAdrgs} onChange={(_, d) => set("topAdrgs", d.value)} />
      </Field>
    </section>
  );
}
