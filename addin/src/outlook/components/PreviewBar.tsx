import { Field, MessageBar, MessageBarBody, Select } from "@fluentui/react-components";
import { useI18n } from "../../core/I18nProvider";
import { formatDay } from "../../core/format";
import type { BootChoice, Session } from "../boot";
import { useStyles } from "../../core/ui/styles";

/** Outside Outlook: says this is a preview and lets one look as another demo person or at another 1-on-1. */
export function PreviewBar({ session, meetingId, restart }: { session: Session; meetingId: string | null; restart: (choice: BootChoice) => void }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  if (session.mode !== "preview") {
    return null;
  }
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <span>{t("previewBanner")}</span>
        <div className={styles.row}>
          {session.demo && (
            <Field label={t("previewPerson")} size="small">
              <Select size="small" value={session.demo.email} onChange={(_, data) => restart({ email: data.value })}>
                {session.demo.people.map((p) => (
                  <option key={p.email} value={p.email}>
                    {p.displayName}
                  </option>
                ))}
              </Select>
            </Field>
          )}
          {session.upcoming.length > 1 && meetingId && (
            <Field label={t("previewMeeting")} size="small">
              <Select size="small" value={meetingId} onChange={(_, data) => restart({ email: session.demo?.email, meetingId: data.value })}>
                {session.upcoming.map((m) => (
                  <option key={m.meetingId} value={m.meetingId}>
                    {m.otherPersonName} · {formatDay(m.start, locale)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
      </MessageBarBody>
    </MessageBar>
  );
}
