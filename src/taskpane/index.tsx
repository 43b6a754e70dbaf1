/* global Office */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title2, Body1 } from "@fluentui/react-components";
import { langFromLocale, Lang } from "../engine/text";

const TEXT: Record<Lang, { title: string; body: string }> = {
  en: { title: "CaseMix", body: "DRG/DIP case-mix finance. Type =DRG.CMI(...) and the other DRG functions in any cell." },
  zh: { title: "CaseMix 病例组合", body: "DRG/DIP 病例组合财务分析。在单元格中输入 =DRG.CMI(...) 等 DRG 函数即可使用。" },
};

function App({ lang }: { lang: Lang }) {
  return (
    <FluentProvider theme={webLightTheme}>
      <div style={{ padding: 16 }}>
        <Title2>{TEXT[lang].title}</Title2>
        <p>
          <Body1>{TEXT[lang].body}</Body1>
        </p>
      </div>
    </FluentProvider>
  );
}

function render(lang: Lang) {
  const container = document.getElementById("container");
  if (container) createRoot(container).render(<App lang={lang} />);
}

if (typeof Office !== "undefined" && Office.onReady) {
  Office.onReady(() => render(langFromLocale(Office.context?.displayLanguage)));
} else {
  render(langFromLocale(navigator.language));
}
