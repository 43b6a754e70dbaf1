/* global Office */
/**
 * Entry of the taskpane page (which also hosts the custom functions: shared runtime). The
 * language follows Office's display language; outside Office (a plain browser) the browser's.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { langFromLocale, Lang } from "../engine/text";
import { Shell } from "./Shell";

function render(lang: Lang): void {
  const container = document.getElementById("container");
  if (!container) return;
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  createRoot(container).render(<Shell lang={lang} />);
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => render(langFromLocale(Office.context?.displayLanguage)));
} else {
  render(langFromLocale(navigator.language));
}
