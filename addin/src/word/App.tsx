import { FluentProvider, Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { ApiError } from "../core/api";
import { I18nProvider, useI18n } from "../core/I18nProvider";
import { useTheme } from "../core/theme";
import { ErrorState } from "../core/ui/ErrorState";
import { useStyles } from "../core/ui/styles";
import { boot, type BootChoice, type BootDependencies, type BootState } from "./boot";
import { MeetingView } from "./components/MeetingView";
import { SwitchPerson } from "./components/SwitchPerson";

// Shown only in Development mode without a known person: not part of the usual first view.
const DemoPersonPicker = lazy(() => import("../core/ui/DemoPersonPicker"));

/** Outlook on the web's calendar: where a 1-on-1 (and its "Open notes in Word") is found. */
const outlookCalendarUrl = "https://outlook.office.com/calendar/";

export function mount(root: HTMLElement, deps: BootDependencies, first: Promise<BootState>): void {
  root.textContent = "";
  root.removeAttribute("aria-busy");
  createRoot(root).render(<Root deps={deps} first={first} />);
}

function Root({ deps, first }: { deps: BootDependencies; first: Promise<BootState> }) {
  const [pending, setPending] = useState(first);
  const [state, setState] = useState<BootState | null>(null);

  useEffect(() => {
    let live = true;
    setState(null);
    void pending.then((next) => live && setState(next));
    return () => {
      live = false;
    };
  }, [pending]);

  const restart = (choice?: BootChoice) => setPending(boot(deps, choice));
  const hostTag = state?.hostTag ?? deps.browserLanguage;
  // The server's language, as in Outlook (outlook/App.tsx): the pane's, or the one an error was written in.
  const view = state?.view;
  const language = view?.kind === "ready" ? view.pane.language : (view?.kind === "failed" && view.error instanceof ApiError && view.error.language) || hostTag;
  const theme = useTheme(state?.host?.theme ?? null);

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
  const view = state.view;
  switch (view.kind) {
    case "ready":
      return <MeetingView key={view.part.meetingId} session={view.session} part={view.part} initial={view.pane} restart={restart} />;
    case "outsideWord":
      return <Notice title={t("wordOutsideTitle")} help={t("wordOutsideHelp")} />;
    case "tooOld":
      return <Notice title={t("wordOutsideTitle")} help={t("wordTooOld")} />;
    case "notOneOnOne":
      return <Notice title={t("wordNotOursTitle")} help={t("wordNotOursHelp")} />;
    case "chooseDemoPerson":
      return (
        <Suspense fallback={<Spinner label={t("moreLoading")} />}>
          <DemoPersonPicker people={view.people} onChoose={(email) => restart({ email })} />
        </Suspense>
      );
    case "failed":
      return (
        <>
          {view.demo && <SwitchPerson name={null} restart={restart} />}
          <ErrorState error={view.error} onRetry={() => restart()} />
        </>
      );
  }
}

/** Why the pane cannot show a meeting here, and the way to one: the 1-on-1 in Outlook, whose pane opens its document. */
function Notice({ title, help }: { title: string; help: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <main className={styles.page}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
        </MessageBarBody>
      </MessageBar>
      <Text as="p">{help}</Text>
      <Link href={outlookCalendarUrl} target="_blank" rel="noopener noreferrer" aria-label={t("wordOpenOutlookLabel")}>
        {t("wordOpenOutlook")}
      </Link>
    </main>
  );
}
