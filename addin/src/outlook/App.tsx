import { FluentProvider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { I18nProvider, useI18n } from "../core/I18nProvider";
import { themeFor } from "../core/theme";
import { boot, type BootChoice, type BootDependencies, type BootState } from "./boot";
import { ErrorState } from "../core/ui/ErrorState";
import { NotOneOnOne } from "./components/NotOneOnOne";
import { PaneView } from "./components/PaneView";
import { PreviewBar } from "./components/PreviewBar";
import { useStyles } from "../core/ui/styles";

// Shown only in Development mode without a known person: not part of the usual first view.
const DemoPersonPicker = lazy(() => import("../core/ui/DemoPersonPicker"));

export function mount(root: HTMLElement, deps: BootDependencies, first: Promise<BootState>): void {
  root.textContent = "";
  root.removeAttribute("aria-busy");
  createRoot(root).render(<Root deps={deps} first={first} />);
}

function Root({ deps, first }: { deps: BootDependencies; first: Promise<BootState> }) {
  const [pending, setPending] = useState(first);
  const [state, setState] = useState<BootState | null>(null);
  const prefersDark = useMemo(() => window.matchMedia?.("(prefers-color-scheme: dark)").matches ?? false, []);

  useEffect(() => {
    let live = true;
    setState(null);
    void pending.then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [pending]);

  const restart = (choice?: BootChoice) => setPending(boot(deps, choice));
  const session = state && "session" in state ? state.session : null;
  const hostTag = session?.hostTag ?? (state && "hostTag" in state ? state.hostTag : deps.browserLanguage);
  const language = state?.kind === "ready" ? state.pane.language : hostTag;
  const theme = themeFor(session?.host?.theme ?? null, prefersDark);

  return (
    <FluentProvider theme={theme}>
      <I18nProvider language={language} hostTag={hostTag}>
        <Content state={state} restart={restart} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Content({ state, restart }: { state: BootState | null; restart: (choice?: BootChoice) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (!state) {
    return (
      <main className={styles.page} aria-busy="true">
        <Spinner label={t("loading")} />
      </main>
    );
  }
  switch (state.kind) {
    case "ready":
      return <PaneView key={state.pane.meeting.id} session={state.session} initial={state.pane} restart={restart} />;
    case "notOneOnOne":
      return <NotOneOnOne detail={state.detail} onRetry={() => restart()} />;
    case "chooseDemoPerson":
      return (
        <Suspense fallback={<Spinner label={t("moreLoading")} />}>
          <DemoPersonPicker people={state.people} onChoose={(email) => restart({ email })} />
        </Suspense>
      );
    case "noUpcoming":
      return (
        <main className={styles.page}>
          <PreviewBar session={state.session} meetingId={null} restart={restart} />
          <MessageBar intent="info">
            <MessageBarBody>{t("noUpcoming", { name: state.name })}</MessageBarBody>
          </MessageBar>
        </main>
      );
    case "failed":
      return <ErrorState error={state.error} onRetry={() => restart()} />;
  }
}
