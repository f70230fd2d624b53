import { Button, Spinner } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { Api } from "../../core/api";
import { describeError } from "../../core/errors";
import { formatDay } from "../../core/format";
import { fill } from "../../core/i18n";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import { moreTexts } from "../moreTexts";

/** GET /api/meetings/{id}/notes answers what the pane holds for its own meeting. */
type MeetingNotes = PaneData["notes"];

/**
 * What was written down in the previous meeting of the series (GET /api/meetings/{id}/notes): the shared note and the
 * person's own private one, read when asked for, to pick up where the two left off.
 */
export function PreviousNotes({ api, previous }: { api: Api; previous: NonNullable<PaneData["previousMeeting"]> }) {
  const { t, language, locale } = useI18n();
  const styles = useStyles();
  const id = useId();
  const texts = moreTexts(language);
  const [notes, setNotes] = useState<MeetingNotes | "loading" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const day = formatDay(previous.start, locale);

  const show = () => {
    setNotes("loading");
    setError(null);
    api.get<MeetingNotes>(`/api/meetings/${previous.id}/notes`).then(setNotes, (e: unknown) => {
      setNotes(null);
      setError(describeError(e, t));
    });
  };

  return (
    <section className={styles.section} aria-labelledby={id} data-testid="previous-notes">
      <h2 id={id} className={styles.heading}>
        {fill(texts.previousNotesTitle, { day })}
      </h2>
      {notes === null && (
        <div>
          <Button size="small" onClick={show}>
            {texts.previousNotesShow}
          </Button>
        </div>
      )}
      {error && <p role="alert">{error}</p>}
      {notes === "loading" && <Spinner size="tiny" label={texts.previousNotesLoading} />}
      {notes !== null && notes !== "loading" && (
        <>
          {!notes.shared?.text && !notes.private?.text && <p className={styles.muted}>{texts.previousNotesEmpty}</p>}
          {notes.shared?.text && (
            <>
              <h3 className={styles.meta}>{texts.previousNotesShared}</h3>
              <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{notes.shared.text}</p>
            </>
          )}
          {notes.private?.text && (
            <>
              <h3 className={styles.meta}>{texts.previousNotesPrivate}</h3>
              <p style={{ whiteSpace: "pre-wrap", margin: 0 }}>{notes.private.text}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
