/** The layout every view of the taskpane shares (Fluent UI's makeStyles). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useViewStyles = makeStyles({
  root: { padding: "12px 14px 24px", display: "flex", flexDirection: "column", rowGap: "10px", maxWidth: "560px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(110px, 40%) minmax(0, 1fr)",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "center",
  },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  quadrants: {
    display: "grid",
    gridTemplateColumns: "auto 64px minmax(0, 1fr)",
    columnGap: "6px",
    rowGap: "4px",
    alignItems: "center",
  },
  /** Three number fields side by side that shrink with the pane (the payment's rate and factors). */
  threeFields: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: "8px",
    alignItems: "end",
  },
  /** An input that shrinks with its grid cell (Fluent inputs keep a minimum width of their own). */
  cellInput: { minWidth: 0, width: "100%" },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: "8px" },
  lines: { margin: 0, paddingLeft: "16px" },
});
