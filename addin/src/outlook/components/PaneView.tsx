import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { describeError } from "../../core/errors";
import { useFollowMeeting } from "../../core/useFollowMeeting";
import { I18nProvider } from "../../core/I18nProvider";
import { pickLanguage, translator } from "../../core/i18n";
import type { PaneData } from "../../core/types";
import type { BootChoice, Session } from "../boot";
import { useStyles } from "../../core/ui/styles";
import { usePane } from "../usePane";
import { Agenda } from "./Agenda";
import { CalendarNotice } from "./CalendarNotice";
import { Goal } from "./Goal";
import { Header } from "../../core/ui/Header";
import { LiveStatus } from "../../core/ui/LiveStatus";
import { PreviewBar } from "./Preview";
import { PreviousActions, type ActionRowContext } from "./PreviousActions";

// Below the first screen: loaded right after the agenda is on screen, not before.
const Details = lazy(() => import("./Details"));

export function PaneView({ session, initial, restart }: { session: Session; initial: PaneData; restart: (choice?: BootChoice) => void }) {
  const styles = useStyles();
  const { pane, problem, dismissProblem, actions, refresh } = usePane(session.api, initial);
  // The pane speaks the language of its latest answer: the person may choose another one below.
  const t = useMemo(() => translator(pickLanguage(pane.language)), [pane.language]);
  const [erased, setErased] = useState(false);
  const me = pane.participants.find((p) => p.isMe);
  const actionContext: ActionRowContext = {
    api: session.api,
    seriesId: pane.meeting.seriesId,
    participants: pane.participants,
    onDone: actions.setActionDone,
    onEdit: actions.editAction,
  };
  const meetingId = pane.meeting.id;

  // What the other person (or Word, or the calendar) changes shows here within a second.
  const live = useFollowMeeting(session.api, meetingId, pane.participants, refresh);

  useEffect(() => {
    session.setLanguage(pane.language);
  }, [session, pane.language]);

  if (erased) {
    return (
      <main className={styles.page}>
        <MessageBar intent="success" layout="multiline" data-testid="erased">
          <MessageBarBody>{t("erased")}</MessageBarBody>
        </MessageBar>
      </main>
    );
  }

  return (
    <I18nProvider language={pane.language} hostTag={session.hostTag}>
      <main className={styles.page}>
        <PreviewBar session={session} meetingId={pane.meeting.id} restart={restart} />
        <Header pane={pane} onRefresh={() => void actions.reload()} />
        <LiveStatus live={live} />
        <div aria-live="polite">
          {problem && (
            <MessageBar intent={problem.kind === "conflict" ? "warning" : "error"} layout="multiline">
              <MessageBarBody>{problem.kind === "conflict" ? t("conflictReloaded") : describeError(problem.error, t)}</MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={dismissProblem}>
                  {t("dismiss")}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>
        <CalendarNotice meeting={pane.meeting} />
        <Goal goal={pane.meeting.goal} onSave={actions.setGoal} />
        <Agenda items={pane.agenda} myId={me?.id ?? ""} actions={actions} />
        <PreviousActions actions={pane.openActions} context={actionContext} />
        <Suspense fallback={<Spinner size="tiny" label={t("moreLoading")} />}>
          <Details session={session} pane={pane} actions={actions} actionContext={actionContext} onErased={() => setErased(true)} />
        </Suspense>
      </main>
    </I18nProvider>
  );
}
