/* global Excel */
/**
 * The quadrant view (four quadrants and incentives): data source, column mapping, weights,
 * settings, Build (with progress and cancel), the question about same-named sheets, and the
 * result summary.
 */
import * as React from "react";
import { Button, Caption1, Divider, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { ColumnName } from "../engine/columns";
import { Lang } from "../engine/text";
import { QuadrantSettings } from "../report/quadrant/settings";
import { renderIntoWorkbook } from "../report/excelRun";
import {
  Detection,
  Overrides,
  caseTableOf,
  detectColumns,
  mappingColumns,
  mappingWith,
  missingColumns,
  reportOf,
  summaryLines,
  weightTableOf,
} from "./build";
import { ColumnMappingSection, ReadStatus } from "./CaseColumns";
import { DataSource, ReadCancelled, SourceData, readSource } from "./excelData";
import { StringKey, columnNames } from "./i18n";
import { QuadrantSettingsSection, TrimFields } from "./QuadrantForm";
import {
  DEFAULT_FORM,
  FormState,
  SourceChoice,
  settingsFromForm,
  sourceKey,
  sourceOf,
  weightSourceOf,
  ReadWeights,
} from "./settings";
import { SourcePicker, useSourceList } from "./SourcePicker";
import { Texts, textsIn } from "./texts";
import { readWithProgress, useReportRun } from "./useReportRun";
import { useViewStyles } from "./viewStyles";
import { ViewFrame } from "./ViewFrame";
import { pauseForUi, ReportDeps, writeReport } from "./writeReport";
import { WeightTableRead } from "./WeightTableRead";

export function QuadrantView({ lang }: { lang: Lang }) {
  const s = useQuadrantSession(lang);
  const { say, T, runState, form, setForm, data, overrides, setOverrides, shape, missing, onBuild, drugPartsNote } = s;
  return (
    <ViewFrame testId="taskpane" texts={T} run={runState} say={say} testIds="" onBuild={onBuild}>
      <QuadrantDataSection s={s} />

      {data && (
        <ColumnMappingSection
          say={say}
          ids=""
          data={data.data}
          detection={data.detection}
          columns={mappingColumns(shape)}
          mapped={mappingWith(data.detection, overrides)}
          missing={missing}
          onMap={(column, value) => setOverrides((o) => ({ ...o, [column]: value === "" ? null : Number(value) }))}
          noteFor={(column) => drugPartsNote(column, data.detection)}
        />
      )}

      <Divider />
      <QuadrantWeightsSection s={s} />

      <Divider />
      <QuadrantSettingsSection say={say} form={form} setForm={setForm} />
    </ViewFrame>
  );
}

type QuadrantSession = ReturnType<typeof useQuadrantSession>;

/** The view's state and what its buttons do. */
function useQuadrantSession(lang: Lang) {
  const styles = useViewStyles();
  const say = textsIn(lang);
  const T = say.pane;
  const runState = useReportRun(say);
  const { busy, setBusy, setError, setResult, run } = runState;
  const { sources, refresh: refreshSources } = useSourceList(say, setError);

  const [form, setForm] = React.useState<FormState>(DEFAULT_FORM);
  const [data, setData] = React.useState<{ key: string; data: SourceData; detection: Detection } | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const [weights, setWeights] = React.useState<ReadWeights | undefined>();

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));

  const source = sourceOf(form.source, form.tableName, form.rangeName);
  const shape = {
    layer: form.layer,
    unit: form.unit,
    weights: weightSourceOf(form.weightMode, weights),
  };
  const detection = data?.detection;
  const missing = detection ? missingColumns(detection, overrides, shape) : [];

  /** Reads the chosen source and detects its columns. */
  async function read(target: DataSource, progressShare: number): Promise<{ data: SourceData; detection: Detection }> {
    const read = await readWithProgress(runState, say, target, { share: progressShare, announce: true });
    const found = { data: read, detection: detectColumns(read.values) };
    setData({ key: sourceKey(target), ...found });
    setOverrides({});
    return found;
  }

  const onRead = () => run(async () => void (await read(source, 1)));

  const onReadWeights = () =>
    run(async () => {
      const target = sourceOf(form.weightSource, form.weightTableName, form.weightRangeName);
      const read = await Excel.run((context) => readSource(context, target, { isCancelled: runState.isCancelled }));
      setWeights({ table: weightTableOf(read), name: read.address });
    });

  const onBuild = () =>
    run(async () => {
      setResult(undefined);
      const started = Date.now();
      const checked = settingsFromForm(form, lang, weights);
      if (checked.settings === undefined) {
        setError(checked.errors.join("\n"));
        return;
      }
      const settings = checked.settings;
      let current = data && data.key === sourceKey(source) ? data : undefined;
      let currentOverrides = overrides;
      if (!current) {
        const found = await read(source, 0.4);
        current = { key: sourceKey(source), ...found };
        currentOverrides = {};
      }
      const lacking = missingColumns(current.detection, currentOverrides, settings);
      if (lacking.length > 0) {
        setError(T("missingColumns", { columns: columnNames(lacking, lang) }));
        return;
      }
      const { report, written } = await computeAndWrite(current, currentOverrides, settings, say, {
        run: (batch) => Excel.run(batch),
        render: renderIntoWorkbook,
        ask: runState.ask,
        onProgress: (label, progress) => setBusy({ label, progress }),
        isCancelled: runState.isCancelled,
      });
      const rendered = written.rendered;
      setResult(summaryLines(report, rendered, lang, (Date.now() - started) / 1000));
    });

  const picker = (choice: SourceChoice, onChange: (c: SourceChoice) => void, hint: StringKey, id: string) => (
    <SourcePicker
      choice={choice}
      onChange={onChange}
      sources={sources}
      onRefresh={() => void refreshSources()}
      say={say}
      testId={id}
      ariaLabel={T("sourceKind")}
      selectionHint={T(hint)}
    />
  );

  /**
   * Under a column fed by several source columns (drugs, materials, patient payment, the five
   * categories): the detected parts it adds up, while the user has not chosen its column.
   */
  const drugPartsNote = (column: ColumnName, detection: Detection) => {
    const parts = detection.sources[column] ?? [];
    return (
      overrides[column] === undefined &&
      parts.length > 1 && (
        <Caption1 className={styles.muted} data-testid={`sources-${column}`}>
          {T("drugParts", { headers: parts.map((i) => detection.headers[i]).join(" + ") })}
        </Caption1>
      )
    );
  };

  return {
    styles,
    say,
    T,
    runState,
    busy,
    setBusy,
    setError,
    setResult,
    run,
    sources,
    refreshSources,
    form,
    setForm,
    data,
    setData,
    overrides,
    setOverrides,
    weights,
    setWeights,
    set,
    source,
    shape,
    detection,
    missing,
    onRead,
    onReadWeights,
    onBuild,
    picker,
    drugPartsNote,
    read,
  };
}

function QuadrantDataSection({ s }: { s: QuadrantSession }) {
  const { styles, say, T, busy, form, setForm, data, onRead, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="data-heading">
      <Subtitle2 id="data-heading">{T("dataSection")}</Subtitle2>
      {picker(
        { kind: form.source, table: form.tableName, name: form.rangeName },
        (c) => setForm((f) => ({ ...f, source: c.kind, tableName: c.table, rangeName: c.name })),
        "selectionHint",
        "source",
      )}
      <div className={styles.buttons}>
        <Button onClick={onRead} disabled={busy !== null} data-testid="read">
          {data ? T("readAgain") : T("readData")}
        </Button>
      </div>
      {data && (
        <Caption1 data-testid="data-status">
          <ReadStatus say={say} data={data.data} detection={data.detection} />
        </Caption1>
      )}
    </section>
  );
}

function QuadrantWeightsSection({ s }: { s: QuadrantSession }) {
  const { styles, say, T, busy, form, setForm, weights, set, onReadWeights, picker } = s;
  return (
    <section className={styles.section} aria-labelledby="weights-heading">
      <Subtitle2 id="weights-heading">{T("weightsSection")}</Subtitle2>
      <RadioGroup value={form.weightMode} onChange={(_, d) => set("weightMode", d.value as FormState["weightMode"])}>
        <Radio value="data" label={T("weightsFromData")} />
        <Radio value="table" label={T("weightsFromTable")} />
      </RadioGroup>
      {form.weightMode === "data" ? (
        <TrimFields say={say} form={form} setForm={setForm} />
      ) : (
        <>
          <Caption1>{T("weightTableSource")}</Caption1>
          {picker(
            { kind: form.weightSource, table: form.weightTableName, name: form.weightRangeName },
            (c) => setForm((f) => ({ ...f, weightSource: c.kind, weightTableName: c.table, weightRangeName: c.name })),
            "weightTableHint",
            "weights",
          )}
          <WeightTableRead say={say} onRead={onReadWeights} disabled={busy !== null} weights={weights} />
        </>
      )}
    </section>
  );
}

/**
 * The quadrant view's Build once the settings and columns are checked: computes the report
 * (progress 42%), then checks for same-named sheets, asks and writes (writeReport.ts).
 */
async function computeAndWrite(
  read: { data: SourceData; detection: Detection },
  overrides: Overrides,
  settings: QuadrantSettings,
  say: Texts,
  deps: ReportDeps,
) {
  deps.onProgress?.(say.pane("phaseComputing"), 0.42);
  await pauseForUi({});
  const table = caseTableOf(read.data, read.detection, overrides, settings);
  const { report, model } = reportOf(table, settings, read.data, say.lang);
  if (deps.isCancelled?.()) throw new ReadCancelled();
  const written = await writeReport(model, deps, {
    checking: say.pane("phaseChecking"),
    writing: (percent) => say.pane("phaseWriting", { percent }),
  });
  return { report, written };
}
