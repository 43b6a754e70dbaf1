/**
 * The quadrant view (four quadrants and incentives): data source, column mapping, weights,
 * settings, Build (with progress and cancel), the question about same-named sheets, and the
 * result summary.
 */
import * as React from "react";
import { Button, Caption1, Divider, Field, Input, Radio, RadioGroup, Subtitle2 } from "@fluentui/react-components";
import { ColumnName } from "../engine/columns";
import { Lang } from "../engine/text";
import { QuadrantSettings } from "../report/quadrant/settings";
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
  withCorrection,
} from "./build";
import { ColumnMappingSection, ReadStatus } from "./CaseColumns";
import { DataSource, ReadCancelled, SourceData } from "./excelData";
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
import { SourcePicker } from "./SourcePicker";
import { Texts } from "./texts";
import { readWithProgress } from "./useReportRun";
import { excelDeps, runBuild, useViewSession, ViewSession } from "./useViewSession";
import { ViewFrame } from "./ViewFrame";
import { pauseForUi, ReportDeps, writeReport } from "./writeReport";
import { WeightTableRead } from "./WeightTableRead";

export function QuadrantView({ lang }: { lang: Lang }) {
  const s = useQuadrantSession(lang);
  const { say, runState, form, setForm, cases, onBuild } = s;
  const { data, overrides, setOverrides } = cases;
  return (
    <ViewFrame testId="taskpane" texts={say.pane} run={runState} say={say} testIds="" onBuild={onBuild}>
      <QuadrantDataSection s={s} />

      {data && (
        <ColumnMappingSection
          say={say}
          ids=""
          data={data.data}
          detection={data.detection}
          columns={mappingColumns(cases.shape)}
          mapped={mappingWith(data.detection, overrides)}
          missing={cases.missing}
          onMap={(column, value) => setOverrides((o) => withCorrection(o, column, value))}
          noteFor={(column) => (
            <SourcePartsNote s={s} column={column} detection={data.detection} overrides={overrides} />
          )}
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
type CaseRead = { data: SourceData; detection: Detection };

/** The view's state and what its buttons do: the case data, the weight table, the form, Build. */
function useQuadrantSession(lang: Lang) {
  const view = useViewSession(lang);
  const { say, runState } = view;
  const [form, setForm] = React.useState<FormState>(DEFAULT_FORM);
  const [weights, setWeights] = React.useState<ReadWeights | undefined>();
  const cases = useQuadrantCases(view, form, weights);

  const onReadWeights = () =>
    runState.run(async () => {
      const target = sourceOf(form.weightSource, form.weightTableName, form.weightRangeName);
      // The same read, with its progress bar, as the other views' weight tables.
      const read = await readWithProgress(runState, say, target);
      setWeights({ table: weightTableOf(read), name: read.address });
    });

  const onBuild = () =>
    runBuild(
      runState,
      () => settingsFromForm(form, lang, weights),
      async (settings) => {
        const { read, overrides } = await cases.forBuild();
        const lacking = missingColumns(read.detection, overrides, settings);
        if (lacking.length > 0) {
          runState.setError(say.pane("missingColumns", { columns: columnNames(lacking, lang) }));
          return undefined;
        }
        const { report, written } = await computeAndWrite(read, overrides, settings, say, excelDeps(runState));
        return (seconds) => summaryLines(report, written.rendered, lang, seconds);
      },
    );

  return { ...view, form, setForm, weights, cases, onReadWeights, onBuild };
}

/** The case data: what was read from the chosen source, its detected columns and the user's corrections. */
function useQuadrantCases({ runState, say }: ViewSession, form: FormState, weights: ReadWeights | undefined) {
  const [data, setData] = React.useState<(CaseRead & { key: string }) | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});

  const source = sourceOf(form.source, form.tableName, form.rangeName);
  const shape = {
    layer: form.layer,
    unit: form.unit,
    weights: weightSourceOf(form.weightMode, weights),
    revenue: form.revenue,
  };

  /** Reads the chosen source and detects its columns, over the first `progressShare` of the bar. */
  async function read(target: DataSource, progressShare: number): Promise<CaseRead> {
    const values = await readWithProgress(runState, say, target, { share: progressShare, announce: true });
    const found = { data: values, detection: detectColumns(values.values) };
    setData({ key: sourceKey(target), ...found });
    setOverrides({});
    return found;
  }

  /** The case data for a Build: as read from the chosen source, else read now (the first 40% of the bar). */
  const forBuild = async (): Promise<{ read: CaseRead; overrides: Overrides }> =>
    data && data.key === sourceKey(source)
      ? { read: data, overrides }
      : { read: await read(source, 0.4), overrides: {} };

  return {
    data,
    overrides,
    setOverrides,
    shape,
    missing: data ? missingColumns(data.detection, overrides, shape) : [],
    onRead: () => runState.run(async () => void (await read(source, 1))),
    forBuild,
  };
}

/** A source picker of this view (the case data or the weight table), on three fields of the form. */
function QuadrantSourcePicker(props: {
  s: QuadrantSession;
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  hint: StringKey;
  testId: string;
}) {
  const { s, hint, ...pick } = props;
  return (
    <SourcePicker {...s.workbook} {...pick} ariaLabel={s.say.pane("sourceKind")} selectionHint={s.say.pane(hint)} />
  );
}

/**
 * Under a column fed by several source columns (drugs, materials, patient payment, the five
 * categories): the detected parts it adds up, while the user has not chosen its column.
 */
function SourcePartsNote(props: {
  s: QuadrantSession;
  column: ColumnName;
  detection: Detection;
  overrides: Overrides;
}) {
  const { s, column, detection } = props;
  const parts = detection.sources[column] ?? [];
  if (props.overrides[column] !== undefined || parts.length <= 1) return null;
  return (
    <Caption1 className={s.styles.muted} data-testid={`sources-${column}`}>
      {s.say.pane("drugParts", { headers: parts.map((i) => detection.headers[i]).join(" + ") })}
    </Caption1>
  );
}

function QuadrantDataSection({ s }: { s: QuadrantSession }) {
  const { styles, say, runState, form, setForm, cases } = s;
  const { data } = cases;
  const choice: SourceChoice = { kind: form.source, table: form.tableName, name: form.rangeName };
  const onChange = (c: SourceChoice) =>
    setForm((f) => ({ ...f, source: c.kind, tableName: c.table, rangeName: c.name }));
  return (
    <section className={styles.section} aria-labelledby="data-heading">
      <Subtitle2 id="data-heading">{say.pane("dataSection")}</Subtitle2>
      <QuadrantSourcePicker s={s} choice={choice} onChange={onChange} hint="selectionHint" testId="source" />
      <div className={styles.buttons}>
        <Button onClick={cases.onRead} disabled={runState.busy !== null} data-testid="read">
          {data ? say.pane("readAgain") : say.pane("readData")}
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
  const { styles, say, runState, form, setForm, weights, onReadWeights } = s;
  const choice: SourceChoice = { kind: form.weightSource, table: form.weightTableName, name: form.weightRangeName };
  const onChange = (c: SourceChoice) =>
    setForm((f) => ({ ...f, weightSource: c.kind, weightTableName: c.table, weightRangeName: c.name }));
  return (
    <section className={styles.section} aria-labelledby="weights-heading">
      <Subtitle2 id="weights-heading">{say.pane("weightsSection")}</Subtitle2>
      <RadioGroup
        value={form.weightMode}
        onChange={(_, d) => setForm((f) => ({ ...f, weightMode: d.value as FormState["weightMode"] }))}
      >
        <Radio value="data" label={say.pane("weightsFromData")} />
        <Radio value="table" label={say.pane("weightsFromTable")} />
        <Radio value="standardized" label={say.pane("weightsStandardized")} />
      </RadioGroup>
      {form.weightMode === "data" ? (
        <TrimFields say={say} form={form} setForm={setForm} />
      ) : form.weightMode === "standardized" ? (
        <Field label={say.pane("shares")}>
          <Input
            value={form.shares}
            placeholder={say.pane("sharesPlaceholder")}
            onChange={(_, d) => setForm((f) => ({ ...f, shares: d.value }))}
            data-testid="shares"
          />
        </Field>
      ) : (
        <>
          <Caption1>{say.pane("weightTableSource")}</Caption1>
          <QuadrantSourcePicker s={s} choice={choice} onChange={onChange} hint="weightTableHint" testId="weights" />
          <WeightTableRead say={say} onRead={onReadWeights} disabled={runState.busy !== null} weights={weights} />
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
