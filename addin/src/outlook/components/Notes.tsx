import { Button, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Textarea } from "@fluentui/react-components";
import { useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import type { Api } from "../../core/api";
import { describeError } from "../../core/errors";
import { useI18n } from "../../core/I18nProvider";
import { draftKey, forgetDraftsExcept, NoteSaver, type NoteState } from "../../core/noteSaver";
import type { Note, NoteVisibility, PaneData } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

export function Notes({ api, pane }: { api: Api; pane: PaneData }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const me = pane.participants.find((p) => p.isMe)?.id ?? "";
  useEffect(() => forgetDraftsExcept(me), [me]);
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("notesTitle")}
      </h2>
      <NoteEditor api={api} personId={me} meetingId={pane.meeting.id} visibility="Shared" initial={pane.notes.shared} label={t("notesShared")} />
      <NoteEditor api={api} personId={me} meetingId={pane.meeting.id} visibility="Private" initial={pane.notes.private} label={t("notesPrivate")} />
    </section>
  );
}

function NoteEditor({
  api,
  personId,
  meetingId,
  visibility,
  initial,
  label,
}: {
  api: Api;
  personId: string;
  meetingId: string;
  visibility: NoteVisibility;
  initial: Note | null;
  label: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const saver = useRef<NoteSaver | null>(null);
  const [state, setState] = useState<NoteState | null>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const caret = useRef({ text: "", at: 0 });
  const typed = useRef<string | null>(null);

  useEffect(() => {
    const path = `/api/meetings/${meetingId}/notes/${visibility.toLowerCase()}`;
    const created = new NoteSaver(initial, {
      save: (text, version) => api.send<Note>("PUT", path, { text, version }),
      onChange: setState,
      draftKey: personId ? draftKey(personId, meetingId, visibility) : null,
    });
    saver.current = created;
    setState(created.current);
    // Hiding the pane (closing it, switching items) is the last moment to save.
    const flush = () => created.flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", flush);
      created.dispose();
    };
    // The server's copy seeds the editor once; what later reads of the pane bring is merged in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, personId, meetingId, visibility]);

  // The other person saved (the pane read itself again): shown at once, merged with what is being typed.
  useEffect(() => saver.current?.theirs(initial), [initial]);

  // Text that arrives while the person types keeps their caret where it was in their own words.
  useLayoutEffect(() => {
    const element = field.current;
    const text = state?.text ?? "";
    const before = caret.current;
    caret.current = { text, at: element?.selectionStart ?? 0 };
    if (!element || before.text === text || text === typed.current || element.value !== text || document.activeElement !== element) {
      return;
    }
    // Where the text changed: after what both share at the start, before what both share at the end.
    let head = 0;
    while (head < before.text.length && head < text.length && before.text[head] === text[head]) {
      head++;
    }
    let tail = 0;
    while (tail < before.text.length - head && tail < text.length - head && before.text[before.text.length - 1 - tail] === text[text.length - 1 - tail]) {
      tail++;
    }
    const fromEnd = before.text.length - before.at;
    const at = before.at <= head ? before.at : fromEnd <= tail ? text.length - fromEnd : text.length - tail;
    element.setSelectionRange(at, at);
    caret.current.at = at;
  }, [state?.text]);

  if (!state) {
    return null;
  }
  const status = {
    saved: t("notesSaved"),
    unsaved: t("notesUnsaved"),
    saving: t("notesSaving"),
    failed: t("notesFailed"),
    conflict: t("notesConflictTitle"),
  }[state.status];

  return (
    <div className={styles.section} data-testid={`notes-${visibility.toLowerCase()}`}>
      <Field
        label={label}
        validationState={state.status === "failed" ? "error" : "none"}
        validationMessage={state.status === "failed" && state.error ? describeError(state.error, t) : undefined}
        hint={
          <span role="status" data-status={state.status}>
            {status}
          </span>
        }
      >
        <Textarea
          ref={field}
          value={state.text}
          resize="vertical"
          rows={4}
          maxLength={20000}
          onChange={(_, data) => {
            typed.current = data.value;
            saver.current?.edit(data.value);
          }}
          onSelect={(event) => (caret.current = { text: event.currentTarget.value, at: event.currentTarget.selectionStart })}
          onBlur={() => saver.current?.flush()}
        />
      </Field>
      {state.status === "failed" && (
        <div>
          <Button size="small" onClick={() => saver.current?.flush()}>
            {t("notesRetryNow")}
          </Button>
        </div>
      )}
      {state.status === "conflict" && state.conflict && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t("notesConflictTitle")}</MessageBarTitle> {t("notesConflictHelp")}
            <div className={styles.row} style={{ alignItems: "stretch", marginTop: 8 }}>
              <Field label={t("notesConflictYours")} className={styles.grow}>
                <Textarea readOnly value={state.text} rows={4} />
              </Field>
              <Field label={t("notesConflictTheirs")} className={styles.grow}>
                <Textarea readOnly value={state.conflict.text} rows={4} />
              </Field>
            </div>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => saver.current?.resolve("mine")}>
              {t("notesKeepMine")}
            </Button>
            <Button size="small" onClick={() => saver.current?.resolve("theirs")}>
              {t("notesUseTheirs")}
            </Button>
            <Button size="small" onClick={() => saver.current?.resolve("both")}>
              {t("notesKeepBoth")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}
