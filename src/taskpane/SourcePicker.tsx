/* global Excel */
/**
 * Where a view reads from: the current selection, an Excel table or a named range, with the
 * workbook's tables and names (and a button to list them again).
 */
import * as React from "react";
import { Button, Caption1, Field, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { errorText } from "./build";
import { listSources, SourceList } from "./excelData";
import { SourceChoice, SourceKind } from "./settings";
import { Texts } from "./texts";
import { useViewStyles } from "./viewStyles";

/** The workbook's tables and named ranges, listed when the view opens; a failure goes to `onError`. */
export function useSourceList(say: Texts, onError: (message: string) => void) {
  const [sources, setSources] = React.useState<SourceList>({ tables: [], names: [] });
  const refresh = React.useCallback(async () => {
    try {
      setSources(await Excel.run((context) => listSources(context)));
    } catch (e) {
      onError(errorText(e, say.lang));
    }
  }, [say.lang]);
  React.useEffect(() => {
    void refresh();
  }, [refresh]);
  return { sources, refresh };
}

export interface SourcePickerProps {
  choice: SourceChoice;
  onChange: (choice: SourceChoice) => void;
  sources: SourceList;
  onRefresh: () => void;
  say: Texts;
  /** Prefix of the radio buttons' test ids. */
  testId: string;
  ariaLabel: string;
  /** Shown while the selection is chosen. */
  selectionHint?: string;
}

export function SourcePicker(props: SourcePickerProps) {
  const { choice, onChange, sources, say, testId } = props;
  const styles = useViewStyles();
  const isTable = choice.kind === "table";
  const list = isTable ? sources.tables : sources.names;
  return (
    <>
      <RadioGroup
        value={choice.kind}
        onChange={(_, d) => onChange({ ...choice, kind: d.value as SourceKind })}
        aria-label={props.ariaLabel}
      >
        <Radio value="selection" label={say.pane("sourceSelection")} data-testid={`${testId}-selection`} />
        <Radio value="table" label={say.pane("sourceTable")} data-testid={`${testId}-table`} />
        <Radio value="name" label={say.pane("sourceName")} data-testid={`${testId}-name`} />
      </RadioGroup>
      {choice.kind === "selection" && props.selectionHint !== undefined && (
        <Caption1 className={styles.muted}>{props.selectionHint}</Caption1>
      )}
      {choice.kind !== "selection" && (
        <div className={styles.row}>
          <Field
            className={styles.grow}
            label={say.pane(isTable ? "pickTable" : "pickName")}
            validationMessage={list.length === 0 ? say.pane(isTable ? "noTables" : "noNames") : undefined}
            validationState="none"
          >
            <Select
              value={isTable ? choice.table : choice.name}
              onChange={(_, d) => onChange(isTable ? { ...choice, table: d.value } : { ...choice, name: d.value })}
            >
              <option value="" />
              {list.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={props.onRefresh}>{say.pane("refresh")}</Button>
        </div>
      )}
    </>
  );
}
