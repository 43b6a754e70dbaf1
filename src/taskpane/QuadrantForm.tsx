/**
 * The quadrant view's form fields: how weights are computed from the data (trimming, year
 * weights), and the report settings (margin layer, revenue, cut lines, coefficients, incentive, unit).
 */
import * as React from "react";
import { Body1, Caption1, Field, Input, Radio, RadioGroup, Select, Subtitle2 } from "@fluentui/react-components";
import { MARGIN_LAYERS, MarginLayer } from "../engine/margins";
import { Quadrant, QUADRANTS } from "../engine/quadrants";
import { TrimMethod, TRIM_METHODS } from "../engine/trimming";
import { CONTRIBUTION_LABELS, quadrantLabel } from "../report/i18n";
import { RevenueSource, UnitChoice } from "../report/quadrant/settings";
import { StringKey } from "./i18n";
import { FormState, TRIM_K_DEFAULT } from "./settings";
import { Texts } from "./texts";
import { useViewStyles } from "./viewStyles";

export interface FormProps {
  say: Texts;
  form: FormState;
  setForm: React.Dispatch<React.SetStateAction<FormState>>;
}

/** Sets one field of the form. */
const fieldSetter =
  (setForm: FormProps["setForm"]) =>
  <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

const TRIM_LABEL: Record<TrimMethod, StringKey> = {
  none: "trimNone",
  iqr: "trimIqr",
  sd: "trimSd",
  logsd: "trimLogSd",
  percentile: "trimPercentile",
};

/** Weights computed from the data: the trimming method and its limits, the year weights. */
export function TrimFields({ say, form, setForm }: FormProps) {
  const styles = useViewStyles();
  const set = fieldSetter(setForm);
  return (
    <>
      <div className={styles.row}>
        <Field className={styles.grow} label={say.pane("trimMethod")}>
          <Select
            value={form.trim}
            onChange={(_, d) =>
              setForm((f) => ({
                ...f,
                trim: d.value as TrimMethod,
                trimK: TRIM_K_DEFAULT[d.value as TrimMethod] || f.trimK,
              }))
            }
          >
            {TRIM_METHODS.map((m) => (
              <option key={m} value={m}>
                {say.pane(TRIM_LABEL[m])}
              </option>
            ))}
          </Select>
        </Field>
        {(form.trim === "iqr" || form.trim === "sd" || form.trim === "logsd") && (
          <Field label={say.pane("trimK")} style={{ width: 70 }}>
            <Input value={form.trimK} onChange={(_, d) => set("trimK", d.value)} />
          </Field>
        )}
      </div>
      {form.trim === "percentile" && (
        <div className={styles.row}>
          <Field className={styles.grow} label={say.pane("pLow")}>
            <Input value={form.pLow} onChange={(_, d) => set("pLow", d.value)} />
          </Field>
          <Field className={styles.grow} label={say.pane("pHigh")}>
            <Input value={form.pHigh} onChange={(_, d) => set("pHigh", d.value)} />
          </Field>
        </div>
      )}
      <Field label={say.pane("yearWeights")}>
        <Input
          value={form.yearWeights}
          placeholder={say.pane("yearWeightsPlaceholder")}
          onChange={(_, d) => set("yearWeights", d.value)}
        />
      </Field>
    </>
  );
}

/** The report settings section. */
export function QuadrantSettingsSection({ say, form, setForm }: FormProps) {
  const styles = useViewStyles();
  const lang = say.lang;
  const set = fieldSetter(setForm);
  return (
    <section className={styles.section} aria-labelledby="settings-heading">
      <Subtitle2 id="settings-heading">{say.pane("settingsSection")}</Subtitle2>
      <Field label={say.pane("layer")}>
        <Select value={form.layer} onChange={(_, d) => set("layer", d.value as MarginLayer)} data-testid="layer">
          {MARGIN_LAYERS.map((l) => (
            <option key={l} value={l}>
              {CONTRIBUTION_LABELS[l][lang]}
            </option>
          ))}
        </Select>
      </Field>
      <RevenueFields say={say} form={form} setForm={setForm} />
      <CutLineFields say={say} form={form} setForm={setForm} />
      <Field label={say.pane("minCases")}>
        <Input value={form.minCases} onChange={(_, d) => set("minCases", d.value)} />
      </Field>
      <QuadrantCoefficients say={say} form={form} setForm={setForm} />
      <Field label={say.pane("incentiveMode")}>
        <RadioGroup
          layout="horizontal"
          value={form.moneyMode}
          onChange={(_, d) => set("moneyMode", d.value as FormState["moneyMode"])}
        >
          <Radio value="perPoint" label={say.pane("perPoint")} />
          <Radio value="pool" label={say.pane("pool")} />
        </RadioGroup>
      </Field>
      <Field label={say.pane("amount")}>
        <Input
          value={form.moneyMode === "pool" ? form.pool : form.perPoint}
          onChange={(_, d) => set(form.moneyMode === "pool" ? "pool" : "perPoint", d.value)}
        />
      </Field>
      <Field label={say.pane("yearFilter")}>
        <Input value={form.year} placeholder={say.pane("allYears")} onChange={(_, d) => set("year", d.value)} />
      </Field>
      <Field label={say.pane("unit")}>
        <RadioGroup layout="horizontal" value={form.unit} onChange={(_, d) => set("unit", d.value as UnitChoice)}>
          <Radio value="department" label={say.pane("unitDepartment")} />
          <Radio value="doctor" label={say.pane("unitDoctor")} />
          <Radio value="both" label={say.pane("unitBoth")} />
        </RadioGroup>
      </Field>
    </section>
  );
}

/** Where revenue comes from: the settlement, or the expected DRG payment with its rate and factors. */
export function RevenueFields({ say, form, setForm }: FormProps) {
  const styles = useViewStyles();
  const set = fieldSetter(setForm);
  return (
    <>
      <Field label={say.pane("revenue")}>
        <Select
          value={form.revenue}
          onChange={(_, d) => set("revenue", d.value as RevenueSource)}
          data-testid="revenue"
        >
          <option value="settlement">{say.pane("revenueSettlement")}</option>
          <option value="payment">{say.pane("revenuePayment")}</option>
        </Select>
      </Field>
      {form.revenue === "payment" && (
        <>
          <div className={styles.threeFields}>
            <Field label={say.pane("paymentRate")}>
              <Input
                className={styles.cellInput}
                value={form.rate}
                onChange={(_, d) => set("rate", d.value)}
                data-testid="rate"
              />
            </Field>
            <Field label={say.pane("paymentPointValue")}>
              <Input
                className={styles.cellInput}
                value={form.pointValue}
                onChange={(_, d) => set("pointValue", d.value)}
              />
            </Field>
            <Field label={say.pane("paymentCoefficient")}>
              <Input
                className={styles.cellInput}
                value={form.paymentCoefficient}
                onChange={(_, d) => set("paymentCoefficient", d.value)}
              />
            </Field>
          </div>
          <Caption1 className={styles.muted}>{say.pane("paymentRateHint")}</Caption1>
        </>
      )}
    </>
  );
}

/** The x and y cut lines, each a rule or a value typed in. */
export function CutLineFields({ say, form, setForm }: FormProps) {
  const styles = useViewStyles();
  const set = fieldSetter(setForm);
  return (
    <>
      <div className={styles.row}>
        <Field className={styles.grow} label={say.pane("xCut")}>
          <Select value={form.xCut} onChange={(_, d) => set("xCut", d.value as FormState["xCut"])}>
            <option value="cmi">{say.pane("xCutCmi")}</option>
            <option value="one">{say.pane("xCutOne")}</option>
            <option value="median">{say.pane("xCutMedian")}</option>
            <option value="custom">…</option>
          </Select>
        </Field>
        {form.xCut === "custom" && (
          <Field label="RW" style={{ width: 80 }}>
            <Input value={form.xCutValue} onChange={(_, d) => set("xCutValue", d.value)} />
          </Field>
        )}
      </div>
      <div className={styles.row}>
        <Field className={styles.grow} label={say.pane("yCut")}>
          <Select value={form.yCut} onChange={(_, d) => set("yCut", d.value as FormState["yCut"])}>
            <option value="hospital">{say.pane("yCutHospital")}</option>
            <option value="zero">{say.pane("yCutZero")}</option>
            <option value="median">{say.pane("yCutMedian")}</option>
            <option value="custom">…</option>
          </Select>
        </Field>
        {form.yCut === "custom" && (
          <Field label="%" style={{ width: 80 }} hint="0.05 = 5%">
            <Input value={form.yCutValue} onChange={(_, d) => set("yCutValue", d.value)} />
          </Field>
        )}
      </div>
    </>
  );
}

/** The coefficient and the name of each quadrant. */
export function QuadrantCoefficients({ say, form, setForm }: FormProps) {
  const styles = useViewStyles();
  const lang = say.lang;
  return (
    <>
      <Caption1>{say.pane("coefficients")}</Caption1>
      <div className={styles.quadrants}>
        <span />
        <Caption1 className={styles.muted}>{say.pane("coefficient")}</Caption1>
        <Caption1 className={styles.muted}>{say.pane("quadrantName")}</Caption1>
        {QUADRANTS.map((q: Quadrant) => (
          <React.Fragment key={q}>
            <Body1>{quadrantLabel(q, lang)}</Body1>
            <Input
              className={styles.cellInput}
              size="small"
              aria-label={`${say.pane("coefficient")} ${quadrantLabel(q, lang)}`}
              value={form.coefficients[q]}
              onChange={(_, d) => setForm((f) => ({ ...f, coefficients: { ...f.coefficients, [q]: d.value } }))}
            />
            <Input
              className={styles.cellInput}
              size="small"
              aria-label={`${say.pane("quadrantName")} ${quadrantLabel(q, lang)}`}
              value={form.labels[q]}
              placeholder={say.pane("defaultValue", { value: quadrantLabel(q, lang) })}
              onChange={(_, d) => setForm((f) => ({ ...f, labels: { ...f.labels, [q]: d.value } }))}
            />
          </React.Fragment>
        ))}
      </div>
    </>
  );
}
