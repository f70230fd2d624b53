import { FluentProvider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "../core/api";
import { I18nProvider, useI18n } from "../core/I18nProvider";
import { useTheme } from "../core/theme";
import { reportTimeZone } from "../core/timeZone";
import { boot, type BootChoice, type BootDependencies, type BootState } from "./boot";
import { ErrorState } from "../core/ui/ErrorState";
import { NotOneOnOne } from "./components/NotOneOnOne";
import { PaneView } from "./components/PaneView";
import { PreviewBar } from "./components/Preview";
import { useStyles } from "../core/ui/styles";

// Shown only in Development mode without a known person: not part of the usual first view.
const DemoPersonPicker = lazy(() => import("../core/ui/DemoPersonPicker"));

/** Marks #root (data-interactive) and the timeline (performance mark) once React's pane is on screen. */
const interactiveMark = "oneonone-interactive";

/**
 * Renders the pane for what the entry's boot answered. Whatever the entry put in #root (the loading text or the
 * first view) stays until React's first commit replaces it, so nothing flashes in between.
 */
export function mount(root: HTMLElement, deps: BootDependencies, first: BootState): void {
  createRoot(root).render(<Root root={root} deps={deps} first={first} />);
}

function Root({ root, deps, first }: { root: HTMLElement; deps: BootDependencies; first: BootState }) {
  const [pending, setPending] = useState<Promise<BootState> | null>(null);
  const [state, setState] = useState<BootState | null>(first);

  // Before the browser paints React's first commit: the first view is gone, so #root is no longer busy.
  useLayoutEffect(() => {
    root.removeAttribute("aria-busy");
    root.dataset.interactive = "true";
    performance.mark(interactiveMark);
  }, [root]);

  useEffect(() => {
    if (!pending) {
      return;
    }
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
  const language = languageOf(state) ?? hostTag;
  const theme = useTheme(session?.host?.theme ?? null);

  // After the pane is on screen: the mails to this person then give times in this device's zone.
  useEffect(() => {
    if (session) {
      void reportTimeZone(session.api, session.demo?.email ?? session.host?.userEmail ?? "").catch(() => undefined);
    }
  }, [session]);

  return (
    <FluentProvider theme={theme}>
      <I18nProvider language={language} hostTag={hostTag}>
        <Content state={state} restart={restart} />
      </I18nProvider>
    </FluentProvider>
  );
}

/**
 * One rule for the pane's language: the server's. It writes in the person's chosen language, else in the one the pane
 * asked for (Office's display language); every screen, an error's included, follows what it answered in, so the
 * pane's own words and the server's never mix.
 */
function languageOf(state: BootState | null): string | null {
  switch (state?.kind) {
    case "ready":
      return state.pane.language;
    case "notOneOnOne":
    case "noUpcoming":
      return state.language;
    case "failed":
      return state.error instanceof ApiError ? state.error.language : null;
    default:
      return null;
  }
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
      return <NotOneOnOne reason={state.reason} detail={state.detail} onRetry={() => restart()} />;
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
