import { Button, FluentProvider, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { ApiError, createApi, type Api } from "../core/api";
import { fetchConfig, fetchDemoPeople } from "../core/auth";
import { I18nProvider } from "../core/I18nProvider";
import { prefetchDemoSignIn, signIn } from "../core/signIn";
import { useTheme } from "../core/theme";
import type { DemoPerson } from "../core/types";
import { useStyles } from "../core/ui/styles";
import { GuideEditor } from "./GuideEditor";
import { textsFor } from "./texts";

const DemoPersonPicker = lazy(() => import("../core/ui/DemoPersonPicker"));

type State =
  | { kind: "loading" }
  | { kind: "choose"; people: DemoPerson[] }
  | { kind: "ready"; api: Api; language: string }
  | { kind: "notAdmin"; language: string; demo: boolean }
  | { kind: "failed"; language: string };

/** Signs in (Entra ID, or a demo person in Development mode), learns the admin's language, then shows the editor. */
export function AdminApp() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const [language, setLanguage] = useState(navigator.language.toLowerCase().startsWith("nl") ? "nl" : "en");
  const theme = useTheme(null);

  const start = useCallback(async (email?: string) => {
    setState({ kind: "loading" });
    let demo = false;
    try {
      const config = await fetchConfig();
      demo = config.authenticationMode === "Development";
      const signedIn = await signIn(config, prefetchDemoSignIn(email), { hostUser: null, fallbackToFirstPerson: false });
      if (signedIn.kind === "choose") {
        setState({ kind: "choose", people: signedIn.people });
        return;
      }
      let current = language;
      const api = createApi({ token: signedIn.token, language: () => current });
      const me = await api.get<{ language: string }>("/api/me");
      current = me.language;
      setLanguage(me.language);
      await api.get("/api/admin/guide/versions");
      setState({ kind: "ready", api, language: me.language });
    } catch (error) {
      const forbidden = error instanceof ApiError && error.status === 403;
      setState(forbidden ? { kind: "notAdmin", language, demo } : { kind: "failed", language });
    }
  }, [language]);

  useEffect(() => {
    void start();
    // Once, on opening the page; later starts come from choosing a person or trying again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <FluentProvider theme={theme}>
      <I18nProvider language={language} hostTag={navigator.language}>
        <Content
          state={state}
          language={language}
          onChoose={(email) => void start(email)}
          onRetry={() => void start()}
          onChoosePerson={() => void fetchDemoPeople().then((people) => setState({ kind: "choose", people }), () => setState({ kind: "failed", language }))}
        />
      </I18nProvider>
    </FluentProvider>
  );
}

function Content({
  state,
  language,
  onChoose,
  onRetry,
  onChoosePerson,
}: {
  state: State;
  language: string;
  onChoose: (email: string) => void;
  onRetry: () => void;
  onChoosePerson: () => void;
}) {
  const styles = useStyles();
  const texts = textsFor(language);
  switch (state.kind) {
    case "loading":
      return (
        <main className={styles.page} aria-busy="true">
          <Spinner label={texts.loading} />
        </main>
      );
    case "choose":
      return (
        <Suspense fallback={<Spinner label={texts.loading} />}>
          <DemoPersonPicker people={state.people} onChoose={onChoose} />
        </Suspense>
      );
    case "ready":
      return <GuideEditor api={state.api} texts={texts} language={state.language} />;
    case "notAdmin":
    case "failed":
      return (
        <main className={styles.page}>
          <h1 className={styles.heading}>{texts.title}</h1>
          <MessageBar intent={state.kind === "notAdmin" ? "warning" : "error"} layout="multiline">
            <MessageBarBody>{state.kind === "notAdmin" ? texts.notAdmin : texts.failed}</MessageBarBody>
          </MessageBar>
          <div className={styles.row}>
            <Button onClick={onRetry}>{texts.retry}</Button>
            {state.kind === "notAdmin" && state.demo && <Button onClick={onChoosePerson}>{texts.otherPerson}</Button>}
          </div>
        </main>
      );
  }
}
