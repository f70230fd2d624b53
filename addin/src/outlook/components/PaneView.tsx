import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect } from "react";
import { describeError } from "../../core/errors";
import { useFollowMeeting } from "../../core/useFollowMeeting";
import { useI18n } from "../../core/I18nProvider";
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
import { PreviousActions } from "./PreviousActions";

// Below the first screen: loaded right after the agenda is on screen, not before.
const Details = lazy(() => import("./Details"));

export function PaneView({ session, initial, restart }: { session: Session; initial: PaneData; restart: (choice?: BootChoice) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { pane, problem, dismissProblem, actions, refresh } = usePane(session.api, initial);
  const me = pane.participants.find((p) => p.isMe);
  const meetingId = pane.meeting.id;

  // What the other person (or Word, or the calendar) changes shows here within a second.
  const live = useFollowMeeting(session.api, meetingId, pane.participants, refresh);

  useEffect(() => {
    session.setLanguage(pane.language);
  }, [session, pane.language]);

  return (
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
      <PreviousActions actions={pane.openActions} onDone={actions.setActionDone} />
      <Suspense fallback={<Spinner size="tiny" label={t("moreLoading")} />}>
        <Details session={session} pane={pane} actions={actions} />
      </Suspense>
    </main>
  );
}
