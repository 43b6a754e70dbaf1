/**
 * The "DRG payment" view (医保办): the case data with the quadrant view's column detection and
 * mapping, the insurer's weight table, the group means for the high/low thresholds (the
 * hospital's own or a regional table), the rate, point value, coefficient, cost and units;
 * Build writes the profit-and-loss sheets with progress and cancel, asking before it replaces
 * earlier ones. The steps are in paymentBuild.ts; this file is the screen.
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
import { ColumnName } from "../engine/columns";
import { Lang } from "../engine/text";
import { PAYMENT_COST_LABELS } from "../report/payment/labels";
import { PAYMENT_LAYERS, PaymentLayer } from "../report/payment/settings";
import { Detection, Overrides, detectColumns, mappingWith, weightTableOf, withCorrection } from "./build";
import { ColumnMappingSection, ReadStatus } from "./CaseColumns";
import { SourceData } from "./excelData";
import {
  buildPayment,
  DEFAULT_PAYMENT_FORM,
  groupMeansOf,
  PaymentForm,
  paymentMappingColumns,
  paymentMissingColumns,
  paymentSettingsFromForm,
  paymentShape,
  paymentSummaryLines,
} from "./paymentBuild";
import { NO_CHOICE, ReadWeights, SourceChoice, sourceKey, sourceOfChoice } from "./settings";
import { SourcePicker } from "./SourcePicker";
import { readWithProgress } from "./useReportRun";
import { excelDeps, runBuild, useViewSession } from "./useViewSession";
import { ViewFrame } from "./ViewFrame";
import { WeightTableRead } from "./WeightTableRead";

type CaseRead = { key: string; data: SourceData; detection: Detection };

export function PaymentView({ lang }: { lang: Lang }) {
  const s = usePaymentSession(lang);
  const { say, runState, cases, onBuild } = s;
  return (
    <ViewFrame testId="payment-view" texts={say.payment} run={runState} say={say} testIds="payment-" onBuild={onBuild}>
      <PaymentDataSection s={s} />
      {cases.current && (
        <ColumnMappingSection
          say={say}
          ids="payment-"
          data={cases.current.data}
          detection={cases.current.detection}
          columns={paymentMappingColumns(paymentShape(s.form))}
          mapped={cases.mapped}
          missing={cases.missing}
          onMap={cases.onMap}
        />
      )}
      <Divider />
      <PaymentWeightsSection s={s} />
      <Divider />
      <PaymentMeansSection s={s} />
      <Divider />
      <PaymentSettingsSection s={s} />
    </ViewFrame>
  );
}

type PaymentSession = ReturnType<typeof usePaymentSession>;

/** The view's state and what its buttons do: the case data, the two tables, the form, Build. */
function usePaymentSession(lang: Lang) {
  const view = useViewSession(lang);
  const { runState, say } = view;
  const [form, setForm] = React.useState<PaymentForm>(DEFAULT_PAYMENT_FORM);
  const setField = <K extends keyof PaymentForm>(key: K, value: PaymentForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const [choice, setChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [read, setRead] = React.useState<CaseRead | undefined>();
  const [overrides, setOverrides] = React.useState<Overrides>({});
  const source = sourceOfChoice(choice);
  const current = read && read.key === sourceKey(source) ? read : undefined;
  const rememberRead = (data: SourceData, detection: Detection) => {
    setOverrides({});
    setRead({ key: sourceKey(source), data, detection });
  };
  const cases = {
    choice,
    setChoice,
    current,
    missing: current ? paymentMissingColumns(current.detection, overrides, paymentShape(form)) : [],
    mapped: current ? mappingWith(current.detection, overrides) : {},
    onRead: () =>
      runState.run(async () => {
        const data = await readWithProgress(runState, say, source, { announce: true });
        rememberRead(data, detectColumns(data.values));
      }),
    onMap: (column: ColumnName, value: string) => setOverrides(withCorrection(overrides, column, value)),
  };

  const [weightChoice, setWeightChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [meansChoice, setMeansChoice] = React.useState<SourceChoice>(NO_CHOICE);
  const [weights, setWeights] = React.useState<ReadWeights | undefined>();
  const [means, setMeans] = React.useState<ReadWeights | undefined>();
  const readFrom = (c: SourceChoice) => readWithProgress(runState, say, sourceOfChoice(c));
  const tables = {
    weightChoice,
    setWeightChoice,
    meansChoice,
    setMeansChoice,
    weights,
    means,
    onReadWeights: () =>
      runState.run(async () => {
        const data = await readFrom(weightChoice);
        setWeights({ table: weightTableOf(data), name: data.address });
      }),
    onReadMeans: () => runState.run(async () => setMeans(groupMeansOf(await readFrom(meansChoice)))),
  };

  const onBuild = () =>
    runBuild(
      runState,
      () => paymentSettingsFromForm(form, lang, weights, means),
      async (settings) => {
        const pick = { source, data: current?.data, detection: current?.detection, overrides };
        const built = await buildPayment(pick, settings, lang, excelDeps(runState));
        if (!current) rememberRead(built.data, built.detection);
        return (seconds) => paymentSummaryLines(built, lang, seconds);
      },
    );

  return { ...view, form, setField, cases, tables, onBuild };
}

function PaymentSourcePicker(props: {
  s: PaymentSession;
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  testId: string;
}) {
  const { s, ...pick } = props;
  return <SourcePicker {...s.workbook} {...pick} ariaLabel={s.say.pane("sourceKind")} />;
}

function PaymentDataSection({ s }: { s: PaymentSession }) {
  const { styles, say, runState, cases } = s;
  return (
    <section className={styles.section} aria-labelledby="payment-data-heading">
      <Subtitle2 id="payment-data-heading">{say.pane("dataSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{say.payment("dataHint")}</Caption1>
      <PaymentSourcePicker s={s} choice={cases.choice} onChange={cases.setChoice} testId="payment-source" />
      <div className={styles.buttons}>
        <Button onClick={cases.onRead} disabled={runState.busy !== null} data-testid="payment-read">
          {cases.current ? say.payment("readAgain") : say.payment("read")}
        </Button>
      </div>
      {cases.current && (
        <Caption1 data-testid="payment-data-status">
          <ReadStatus say={say} data={cases.current.data} detection={cases.current.detection} />
        </Caption1>
      )}
    </section>
  );
}

function PaymentWeightsSection({ s }: { s: PaymentSession }) {
  const { styles, say, runState, tables } = s;
  return (
    <section className={styles.section} aria-labelledby="payment-weights-heading">
      <Subtitle2 id="payment-weights-heading">{say.pane("weightsSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{say.payment("weightsHint")}</Caption1>
      <PaymentSourcePicker
        s={s}
        choice={tables.weightChoice}
        onChange={tables.setWeightChoice}
        testId="payment-weights"
      />
      <WeightTableRead
        say={say}
        onRead={tables.onReadWeights}
        disabled={runState.busy !== null}
        weights={tables.weights}
      />
    </section>
  );
}

function PaymentMeansSection({ s }: { s: PaymentSession }) {
  const { styles, say, runState, tables, form, setField } = s;
  return (
    <section className={styles.section} aria-labelledby="payment-means-heading">
      <Subtitle2 id="payment-means-heading">{say.payment("meansSection")}</Subtitle2>
      <RadioGroup
        value={form.meansMode}
        onChange={(_, d) => setField("meansMode", d.value as PaymentForm["meansMode"])}
      >
        <Radio value="data" label={say.payment("meansFromData")} />
        <Radio value="table" label={say.payment("meansFromTable")} />
      </RadioGroup>
      {form.meansMode === "table" && (
        <>
          <Caption1 className={styles.muted}>{say.payment("meansHint")}</Caption1>
          <PaymentSourcePicker
            s={s}
            choice={tables.meansChoice}
            onChange={tables.setMeansChoice}
            testId="payment-means"
          />
          <div className={styles.buttons}>
            <Button onClick={tables.onReadMeans} disabled={runState.busy !== null} data-testid="payment-read-means">
              {say.payment("readMeans")}
            </Button>
          </div>
          {tables.means && (
            <Caption1>
              {say.payment("meansRead", { groups: tables.means.table.codes.length, address: tables.means.name })}
            </Caption1>
          )}
        </>
      )}
    </section>
  );
}

function PaymentSettingsSection({ s }: { s: PaymentSession }) {
  const { styles, say, form, setField } = s;
  const number = (key: "rate" | "pointValue" | "coefficient", placeholder?: string) => (
    <Field label={say.payment(key)}>
      <Input
        value={form[key]}
        placeholder={placeholder}
        onChange={(_, d) => setField(key, d.value)}
        data-testid={`payment-${key}`}
      />
    </Field>
  );
  return (
    <section className={styles.section} aria-labelledby="payment-settings-heading">
      <Subtitle2 id="payment-settings-heading">{say.pane("settingsSection")}</Subtitle2>
      {number("rate", say.payment("ratePlaceholder"))}
      <div className={styles.row}>
        <div className={styles.grow}>{number("pointValue")}</div>
        <div className={styles.grow}>{number("coefficient")}</div>
      </div>
      <Field label={say.payment("layer")}>
        <Select
          value={form.layer}
          onChange={(_, d) => setField("layer", d.value as PaymentLayer)}
          data-testid="payment-layer"
        >
          {PAYMENT_LAYERS.map((layer) => (
            <option key={layer} value={layer}>
              {PAYMENT_COST_LABELS[layer][say.lang]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={say.payment("unit")}>
        <RadioGroup value={form.unit} onChange={(_, d) => setField("unit", d.value as PaymentForm["unit"])}>
          <Radio value="both" label={say.payment("unitBoth")} />
          <Radio value="department" label={say.pane("unitDepartment")} />
          <Radio value="doctor" label={say.pane("unitDoctor")} />
        </RadioGroup>
      </Field>
    </section>
  );
}
