import { Text } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useState } from "react";
import { describeError } from "../../core/errors";
import { formatDateOnly, formatDay } from "../../core/format";
import { useI18n } from "../../core/I18nProvider";
import type { ActionItem, PaneData } from "../../core/types";
import { Header } from "../../core/ui/Header";
import { LiveStatus } from "../../core/ui/LiveStatus";
import { useStyles } from "../../core/ui/styles";
import { useFollowMeeting } from "../../core/useFollowMeeting";
import type { BootChoice, WordSession } from "../boot";
import type { MeetingPart } from "../document";
import { InsertPrompts } from "./InsertPrompts";
import { SendToMeeting } from "./SendToMeeting";
import { SwitchPerson } from "./SwitchPerson";

/** The meeting of the open document beside the notes: who, when, the agenda and the actions, and the way back. */
export function MeetingView({ session, part, initial, restart }: { session: WordSession; part: MeetingPart; initial: PaneData; restart: (choice?: BootChoice) => void }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [pane, setPane] = useState(initial);
  const [refreshError, setRefreshError] = useState<string | null>(null);

  useEffect(() => {
    session.setLanguage(pane.language);
  }, [session, pane.language]);

  const reload = useCallback(async () => {
    try {
      setPane(await session.api.get<PaneData>(`/api/meetings/${part.meetingId}/pane`));
      setRefreshError(null);
    } catch (error) {
      setRefreshError(describeError(error, t));
    }
  }, [session, part.meetingId, t]);

  // What is changed in Outlook's pane (or by the other person) shows here too, without a refresh.
  const live = useFollowMeeting(session.api, part.meetingId, pane.participants, () => void reload());

  return (
    <main className={styles.page}>
      {session.demo && <SwitchPerson name={session.demo.name} restart={restart} />}
      <Header pane={pane} onRefresh={() => void reload()} />
      <LiveStatus live={live} />
      {refreshError && (
        <Text as="p" role="alert">
          {refreshError}
        </Text>
      )}
      <SendToMeeting session={session} part={part} onSent={reload} />
      <InsertPrompts pane={pane} insert={session.host.insertAtCursor} />
      <Agenda pane={pane} />
      <Actions title={t("previousActionsTitle")} empty={t("previousActionsEmpty")} actions={pane.openActions} testId="open-actions" />
      <Actions title={t("newActionsTitle")} empty={t("newActionsEmpty")} actions={pane.newActions} testId="new-actions" />
    </main>
  );
}

/** The agenda to read beside the notes; it is changed in Outlook's pane. */
function Agenda({ pane }: { pane: PaneData }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("agendaTitle")}
      </h2>
      {pane.agenda.length === 0 ? (
        <p className={styles.muted}>{t("agendaEmpty")}</p>
      ) : (
        <ol className={styles.list} data-testid="agenda">
          {pane.agenda.map((item) => (
            <li key={item.id} className={styles.item}>
              <div className={styles.itemBody}>
                <span style={item.discussed ? { textDecoration: "line-through" } : undefined}>{item.text}</span>
                <span className={styles.meta}>
                  {t("agendaAddedBy", { name: item.authorName })}
                  {item.carriedOverFrom && ` · ${t("agendaCarriedOver", { date: formatDay(item.carriedOverFrom, locale) })}`}
                </span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Actions({ title, empty, actions, testId }: { title: string; empty: string; actions: ActionItem[]; testId: string }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {actions.length === 0 ? (
        <p className={styles.muted}>{empty}</p>
      ) : (
        <ul className={styles.list} data-testid={testId}>
          {actions.map((action) => (
            <li key={action.id} className={styles.item} data-status={action.status}>
              <div className={styles.itemBody}>
                <span style={action.status === "Done" ? { textDecoration: "line-through" } : undefined}>{action.text}</span>
                <span className={styles.meta}>
                  {t("actionOwner", { name: action.ownerName })} ·{" "}
                  {action.dueDate ? t("actionDue", { date: formatDateOnly(action.dueDate, locale) }) : t("actionNoDue")}
                  {action.overdue && ` · ${t("actionOverdue")}`}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
