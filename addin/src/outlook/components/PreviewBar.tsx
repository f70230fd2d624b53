import { Button, Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useI18n } from "../../core/I18nProvider";
import { formatDay } from "../../core/format";
import type { BootChoice, Session } from "../boot";
import { useStyles } from "../../core/ui/styles";

const calendarChanges = [
  ["Move", "previewMove"],
  ["Cancel", "previewCancel"],
  ["AddAttendee", "previewAddAttendee"],
  ["Restore", "previewRestore"],
] as const;

/**
 * Outside Outlook: says this is a preview, lets one look as another demo person or at another 1-on-1, and change the
 * meeting in the demo calendar as its organizer would in Outlook (the pane and the follow-ups then follow the calendar).
 */
export default function PreviewBar({ session, meetingId, restart }: { session: Session; meetingId: string | null; restart: (choice: BootChoice) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const preview = session.mode === "preview";
  const people = useAnswer(preview && session.demo ? session.demo.people : null, []);
  const upcoming = useAnswer(preview ? session.upcoming : null, []);
  const [changing, setChanging] = useState(false);
  if (!preview) {
    return null;
  }
  const changeCalendar = async (change: string) => {
    setChanging(true);
    try {
      await session.api.send("POST", `/dev/calendar/meetings/${meetingId}/${change}`);
    } finally {
      // The pane again, for the meeting as the calendar now has it (a cancelled one shows as cancelled).
      restart({ email: session.demo?.email, meetingId: meetingId ?? undefined });
    }
  };
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <span>{t("previewBanner")}</span>
        <div className={styles.row}>
          {session.demo && people.length > 0 && (
            <Field label={t("previewPerson")} size="small">
              <Select size="small" value={session.demo.email} onChange={(_, data) => restart({ email: data.value })}>
                {people.map((p) => (
                  <option key={p.email} value={p.email}>
                    {p.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {upcoming.length > 1 && meetingId && (
            <Field label={t("previewMeeting")} size="small">
              <Select size="small" value={meetingId} onChange={(_, data) => restart({ email: session.demo?.email, meetingId: data.value })}>
                {upcoming.map((m) => (
                  <option key={m.meetingId} value={m.meetingId}>
                    {m.otherPersonName} · {formatDay(m.start, locale)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {session.demo && meetingId && (
          <div className={styles.row} data-testid="demo-calendar">
            <span>{t("previewCalendar")}</span>
            {calendarChanges.map(([change, label]) => (
              <Button key={change} size="small" disabled={changing} onClick={() => void changeCalendar(change)}>
                {t(label)}
              </Button>
            ))}
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * The switchers' lists are asked for once the pane is on screen; until they are there, or when they fail, the switcher
 * is simply not shown.
 */
function useAnswer<T>(load: (() => Promise<T>) | null, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    if (!load) {
      return;
    }
    let live = true;
    load().then((answer) => live && setValue(answer), () => undefined);
    return () => {
      live = false;
    };
  }, [load]);
  return value;
}
