/**
 * The case data as the quadrant and trends views show it once read: what was read (rows,
 * columns, header row) and the column mapping the user can correct. `ids` prefixes the element
 * and test ids ("" for the quadrant view, "trends-").
 */
import * as React from "react";
import { Caption1, MessageBar, MessageBarBody, Select, Subtitle2 } from "@fluentui/react-components";
import { ColumnMapping } from "../engine/caseTable";
import { ColumnName } from "../engine/columns";
import { columnLetters } from "../report/layout/addresses";
import { Detection } from "./build";
import { SourceData } from "./excelData";
import { COLUMN_LABELS, columnNames } from "./i18n";
import { Texts } from "./texts";
import { useViewStyles } from "./viewStyles";

/** "N rows × M columns read from A1:…" and where the header row was found (text only). */
export function ReadStatus({ say, data, detection }: { say: Texts; data: SourceData; detection: Detection }) {
  return (
    <>
      {say.pane("dataRead", {
        rows: Math.max(0, data.rowCount - detection.headerRow - 1).toLocaleString(),
        columns: data.columnCount,
        address: data.address,
      })}
      {" · "}
      {detection.found
        ? say.pane("headerRowAt", { row: data.rowIndex + detection.headerRow + 1 })
        : say.pane("noHeaderRow")}
    </>
  );
}

export interface ColumnMappingProps {
  say: Texts;
  ids: string;
  data: SourceData;
  detection: Detection;
  /** The columns to show, required ones first. */
  columns: { column: ColumnName; required: boolean }[];
  /** The mapping after the user's corrections. */
  mapped: ColumnMapping;
  missing: ColumnName[];
  onMap: (column: ColumnName, value: string) => void;
  /** A line under a column's choice (then the choice and the line share a box). */
  noteFor?: (column: ColumnName) => React.ReactNode;
}

export function ColumnMappingSection(props: ColumnMappingProps) {
  const { say, ids, detection, missing, noteFor } = props;
  const styles = useViewStyles();
  const headerOption = (i: number) => `${columnLetters(props.data.columnIndex + i)} · ${detection.headers[i] || "—"}`;
  const choice = (column: ColumnName) => (
    <Select
      id={`${ids}map-${column}`}
      size="small"
      value={props.mapped[column] === undefined ? "" : String(props.mapped[column])}
      onChange={(_, d) => props.onMap(column, d.value)}
    >
      <option value="">{say.pane("notMapped")}</option>
      {detection.headers.map((_, i) => (
        <option key={i} value={String(i)}>
          {headerOption(i)}
        </option>
      ))}
    </Select>
  );
  return (
    <section className={styles.section} aria-labelledby={`${ids}mapping-heading`}>
      <Subtitle2 id={`${ids}mapping-heading`}>{say.pane("mappingSection")}</Subtitle2>
      <Caption1 className={styles.muted}>{say.pane("mappingHint")}</Caption1>
      {missing.length > 0 && (
        <MessageBar intent="error" data-testid={`${ids}missing-columns`}>
          <MessageBarBody>{say.pane("missingColumns", { columns: columnNames(missing, say.lang) })}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.mapping}>
        {props.columns.map(({ column, required }) => (
          <React.Fragment key={column}>
            <label htmlFor={`${ids}map-${column}`} className={missing.includes(column) ? styles.missing : undefined}>
              {COLUMN_LABELS[column][say.lang]}
              {required ? " *" : ""}
            </label>
            {noteFor ? (
              <div>
                {choice(column)}
                {noteFor(column)}
              </div>
            ) : (
              choice(column)
            )}
          </React.Fragment>
        ))}
      </div>
      <Caption1 className={styles.muted}>* {say.pane("required")}</Caption1>
    </section>
  );
}
