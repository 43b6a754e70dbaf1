/** The layout every view of the taskpane shares (Fluent UI's makeStyles). */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useViewStyles = makeStyles({
  root: { padding: "12px 14px 24px", display: "flex", flexDirection: "column", rowGap: "10px", maxWidth: "560px" },
  section: { display: "flex", flexDirection: "column", rowGap: "8px" },
  row: { display: "flex", columnGap: "8px", alignItems: "flex-end", flexWrap: "wrap" },
  grow: { flexGrow: 1, minWidth: "120px" },
  mapping: {
    display: "grid",
    gridTemplateColumns: "minmax(110px, 40%) 1fr",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "center",
  },
  missing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  quadrants: {
    display: "grid",
    gridTemplateColumns: "auto 70px 1fr",
    columnGap: "6px",
    rowGap: "4px",
    alignItems: "center",
  },
  muted: { color: tokens.colorNeutralForeground3 },
  buttons: { display: "flex", columnGap: "8px" },
  lines: { margin: 0, paddingLeft: "16px" },
});
