/**
 * The "Audit weights" view: a base table, an optional adjusted table (or a policy-tilt rule in
 * its place) and an optional case volume, each taken from the selection, an Excel table or a named range; Build writes the
 * audit sheets (权重审核 / 审核参数) with progress and cancel, asking before it replaces an
 * earlier audit. The steps are in auditBuild.ts; this file is the screen.
 */
import * as React from "react";
import { Button, Caption1, Checkbox, Divider, Field, Input, Subtitle2 } from "@fluentui/react-components";
import { Lang } from "../engine/text";
import { AuditTableSource, AuditVolumeSource } from "../engine/weightAudit/fromGrid";
import { AUDIT_LABELS } from "../report/audit/labels";
import {
  AuditForm,
  AuditBuilt,
  AuditPicks,
  AuditRole,
  AUDIT_ROLES,
  auditSettingsFromForm,
  auditSummaryLines,
  auditTableOf,
  auditVolumeOf,
  buildAudit,
  DEFAULT_AUDIT_FORM,
  roleName,
} from "./auditBuild";
import { AuditStringKey } from "./auditI18n";
import { SourceData } from "./excelData";
import { NO_CHOICE, SourceChoice, sourceKey, sourceOfChoice } from "./settings";
import { SourcePicker } from "./SourcePicker";
import { Texts } from "./texts";
import { readWithProgress } from "./useReportRun";
import { excelDeps, runBuild, useViewSession, ViewSession } from "./useViewSession";
import { ViewFrame } from "./ViewFrame";

type Read = { key: string; data: SourceData; table?: AuditTableSource; volume?: AuditVolumeSource };

/** A role's read: the values and what they parse to, a case volume or a weight table. */
function readOf(
  role: AuditRole,
  key: string,
  data: SourceData,
  parsed: { table?: AuditTableSource; volume?: AuditVolumeSource },
): Read {
  return role === "volume" ? { key, data, volume: parsed.volume } : { key, data, table: parsed.table };
}

export function AuditView({ lang }: { lang: Lang }) {
  const s = useAuditSession(lang);
  const { say, runState, onBuild } = s;
  return (
    <ViewFrame testId="audit-view" texts={say.audit} run={runState} say={say} testIds="audit-" onBuild={onBuild}>
      <AuditBaseSection s={s} />

      <Divider />
      <AuditAdjustedSection s={s} />

      <Divider />
      <AuditVolumeSection s={s} />

      <Divider />
      <AuditSettingsSection s={s} />
    </ViewFrame>
  );
}

type AuditSession = ReturnType<typeof useAuditSession>;

/** The view's state and what its buttons do: the three sources, the form, Build. */
function useAuditSession(lang: Lang) {
  const view = useViewSession(lang);
  const [form, setForm] = React.useState<AuditForm>(DEFAULT_AUDIT_FORM);
  const inputs = useAuditInputs(view);

  const onBuild = () =>
    runBuild(
      view.runState,
      () => auditSettingsFromForm(form, lang),
      async (settings) => {
        const picks = inputs.picks();
        const tilt = form.tilt ?? "";
        if (!picks.adjusted && tilt.trim() !== "") picks.tilt = tilt;
        const built = await buildAudit(picks, settings, lang, excelDeps(view.runState));
        inputs.keepBuilt(built);
        return (seconds) => auditSummaryLines(built, lang, seconds);
      },
    );

  return { ...view, form, setForm, inputs, onBuild };
}

/**
 * The base table, the adjusted table and the case volume: the source chosen for each, whether
 * the optional two are used, and what was read of each (parsed at once, so a wrong range shows
 * its error when read and the status says what was found).
 */
function useAuditInputs({ runState, say }: ViewSession) {
  const lang = say.lang;
  const [choices, setChoices] = React.useState<Record<AuditRole, SourceChoice>>({
    base: NO_CHOICE,
    adjusted: NO_CHOICE,
    volume: NO_CHOICE,
  });
  const [useAdjusted, setUseAdjusted] = React.useState(false);
  const [useVolume, setUseVolume] = React.useState(false);
  const [reads, setReads] = React.useState<Partial<Record<AuditRole, Read>>>({});

  const enabled = (role: AuditRole) => role === "base" || (role === "adjusted" ? useAdjusted : useVolume);
  const setChoice = (role: AuditRole, change: Partial<SourceChoice>) =>
    setChoices((c) => ({ ...c, [role]: { ...c[role], ...change } }));
  const keyOf = (role: AuditRole) => sourceKey(sourceOfChoice(choices[role]));
  /** The values read for a role, when they were read from the source now chosen. */
  const current = (role: AuditRole): Read | undefined => {
    const r = reads[role];
    return r && r.key === keyOf(role) ? r : undefined;
  };

  const onRead = (role: AuditRole) =>
    runState.run(async () => {
      const source = sourceOfChoice(choices[role]);
      const label = () => say.audit("phaseReading", { source: roleName(role, lang, useAdjusted) });
      const data = await readWithProgress(runState, say, source, { announce: true, label });
      const parsed = role === "volume" ? { volume: auditVolumeOf(data) } : { table: auditTableOf(data) };
      setReads((r) => ({ ...r, [role]: readOf(role, sourceKey(source), data, parsed) }));
    });

  /** The sources a Build uses, with their values when they were read already. */
  const picks = (): AuditPicks => {
    const pick = (role: AuditRole) => ({ source: sourceOfChoice(choices[role]), data: current(role)?.data });
    const all: AuditPicks = { base: pick("base") };
    if (useAdjusted) all.adjusted = pick("adjusted");
    if (useVolume) all.volume = pick("volume");
    return all;
  };

  /** Keeps what a Build read of the sources not read before, for the status and the next Build. */
  const keepBuilt = (built: AuditBuilt) =>
    setReads((r) => {
      const next = { ...r };
      const { base, adjusted, volume } = built.report.sources;
      for (const role of AUDIT_ROLES) {
        const data = built.data[role];
        if (!data || current(role)) continue;
        next[role] = readOf(role, keyOf(role), data, { table: role === "base" ? base : adjusted, volume });
      }
      return next;
    });

  return {
    choices,
    setChoice,
    useAdjusted,
    setUseAdjusted,
    useVolume,
    setUseVolume,
    enabled,
    current,
    onRead,
    picks,
    keepBuilt,
  };
}

/** A source's hint, picker, Read button and what was read. */
function AuditSourceBlock({ s, role, hint }: { s: AuditSession; role: AuditRole; hint: AuditStringKey }) {
  const { styles, say, runState, inputs } = s;
  const read = inputs.current(role);
  return (
    <>
      <Caption1 className={styles.muted}>{say.audit(hint)}</Caption1>
      <SourcePicker
        {...s.workbook}
        choice={inputs.choices[role]}
        onChange={(next) => inputs.setChoice(role, next)}
        testId={`audit-${role}`}
        ariaLabel={roleName(role, say.lang, inputs.useAdjusted)}
      />
      <div className={styles.buttons}>
        <Button
          onClick={() => inputs.onRead(role)}
          disabled={runState.busy !== null}
          data-testid={`audit-read-${role}`}
        >
          {read ? say.audit("readAgain") : say.audit("read")}
        </Button>
      </div>
      <AuditSourceStatus say={say} role={role} read={read} />
    </>
  );
}

function AuditBaseSection({ s }: { s: AuditSession }) {
  const { styles, say, inputs } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-base-heading">
      <Subtitle2 id="audit-base-heading">{roleName("base", say.lang, inputs.useAdjusted)}</Subtitle2>
      <AuditSourceBlock s={s} role="base" hint="baseHint" />
    </section>
  );
}

function AuditAdjustedSection({ s }: { s: AuditSession }) {
  const { styles, say, inputs } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-adjusted-heading">
      <Subtitle2 id="audit-adjusted-heading">{say.audit("adjusted")}</Subtitle2>
      <Checkbox
        checked={inputs.useAdjusted}
        onChange={(_, d) => inputs.setUseAdjusted(d.checked === true)}
        label={say.audit("useAdjusted")}
        data-testid="audit-use-adjusted"
      />
      {inputs.enabled("adjusted") ? (
        <AuditSourceBlock s={s} role="adjusted" hint="adjustedHint" />
      ) : (
        <Field label={say.audit("tiltRule")} hint={say.audit("tiltHint")}>
          <Input
            value={s.form.tilt ?? ""}
            placeholder="rw>=2: 1.1; rw<0.8: 0.95"
            onChange={(_, d) => s.setForm((f) => ({ ...f, tilt: d.value }))}
            data-testid="audit-tilt"
          />
        </Field>
      )}
    </section>
  );
}

function AuditVolumeSection({ s }: { s: AuditSession }) {
  const { styles, say, inputs } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-volume-heading">
      <Subtitle2 id="audit-volume-heading">{say.audit("volume")}</Subtitle2>
      <Checkbox
        checked={inputs.useVolume}
        onChange={(_, d) => inputs.setUseVolume(d.checked === true)}
        label={say.audit("useVolume")}
        data-testid="audit-use-volume"
      />
      {inputs.enabled("volume") && <AuditSourceBlock s={s} role="volume" hint="volumeHint" />}
    </section>
  );
}

function AuditSettingsSection({ s }: { s: AuditSession }) {
  const { styles, say, form, setForm } = s;
  return (
    <section className={styles.section} aria-labelledby="audit-settings-heading">
      <Subtitle2 id="audit-settings-heading">{say.audit("settings")}</Subtitle2>
      <div className={styles.row}>
        <Field className={styles.grow} label={say.audit("largest")}>
          <Input value={form.largest} onChange={(_, d) => setForm((f) => ({ ...f, largest: d.value }))} />
        </Field>
        <Field className={styles.grow} label={say.audit("tolerance")}>
          <Input value={form.tolerance} onChange={(_, d) => setForm((f) => ({ ...f, tolerance: d.value }))} />
        </Field>
      </div>
    </section>
  );
}

/** What was read for a source: the groups and columns of a table, the rows and units of a volume. */
function AuditSourceStatus({ say, role, read }: { say: Texts; role: AuditRole; read: Read | undefined }) {
  if (!read) return null;
  if (read.volume) {
    const units = read.volume.units.map((u) => AUDIT_LABELS[u.dimension][say.lang]).join(say.listSeparator);
    return (
      <Caption1 data-testid={`audit-status-${role}`}>
        {say.audit("volumeRead", { rows: read.volume.rowsRead.toLocaleString(), address: read.data.address })}
        {" · "}
        {units ? say.audit("volumeUnits", { units }) : say.audit("volumeNoUnits")}
      </Caption1>
    );
  }
  const t = read.table!;
  return (
    <Caption1 data-testid={`audit-status-${role}`}>
      {say.audit("tableRead", {
        groups: t.groups.toLocaleString(),
        rows: t.rowsRead.toLocaleString(),
        address: read.data.address,
      })}
      {" · "}
      {say.audit("tableColumns", { code: t.columns.code, weight: t.columns.weight })}
      {t.columns.name ? say.audit("tableNames", { name: t.columns.name }) : ""}
    </Caption1>
  );
}
