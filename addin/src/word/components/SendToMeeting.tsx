import { Button, MessageBar, MessageBarBody, Spinner, Text } from "@fluentui/react-components";
import { ArrowUpload20Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ApiError } from "../../core/api";
import { describeError } from "../../core/errors";
import type { Translate } from "../../core/i18n";
import { useI18n } from "../../core/I18nProvider";
import type { ChangedAction, DocumentChanges } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import type { WordSession } from "../boot";
import { afterSend, parseMeetingPart, planImport, withBaseline, type DocumentRow, type MeetingPart, type RowProblem } from "../document";
import type { WordHost } from "../word";

type Outcome =
  /** warning: the meeting has the changes, but the document could not take its new baseline. */
  | { kind: "sent"; changes: DocumentChanges; warning: string | null }
  /** Rows the pane or the server could not apply: nothing was changed. */
  | { kind: "rows"; intro: string; lines: string[] }
  | { kind: "error"; message: string };

/**
 * Reads the action rows and the shared notes from the open document (unsaved edits included, no file upload) and sends
 * them to the meeting. The server applies only what differs from the document's baseline and matches new rows it has
 * seen before, so pressing the button twice changes nothing the second time. After a send the document's baseline
 * becomes what was sent and new rows carry their action's id, so a later send applies only later edits (not this
 * send's values over changes made elsewhere meanwhile) and an edited new row changes its action instead of adding one.
 */
export function SendToMeeting({ session, part, onSent }: { session: WordSession; part: MeetingPart; onSent: () => Promise<void> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const send = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome(await sendDocument(session, part, t));
    } finally {
      setBusy(false);
    }
    await onSent();
  };

  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("wordSendTitle")}
      </h2>
      <Text as="p" className={styles.meta}>
        {t("wordSendHelp")}
      </Text>
      <div>
        <Button appearance="primary" icon={busy ? <Spinner size="tiny" /> : <ArrowUpload20Regular />} disabled={busy} onClick={() => void send()}>
          {busy ? t("wordSending") : t("wordSend")}
        </Button>
      </div>
      <div aria-live="polite" data-testid="send-result">
        {outcome && <OutcomeView outcome={outcome} />}
      </div>
    </section>
  );
}

async function sendDocument(session: WordSession, part: MeetingPart, t: Translate): Promise<Outcome> {
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
  let read;
  try {
    read = await readDocument(session.host, part.meetingId);
  } catch (error) {
    return { kind: "error", message: t("wordReadFailed", { reason: reason(error) }) };
  }
  if (!read) {
    return { kind: "error", message: t("wordPartChanged") };
  }
  const { xml, current, plan } = read;
  if (plan.problems.length > 0) {
    return { kind: "rows", intro: t("wordRowsInvalid"), lines: plan.problems.map((p) => rowLine(p.table, p.number, problemText(p, t), t)) };
  }
  let changes;
  try {
    changes = await session.api.send<DocumentChanges>("POST", `/api/meetings/${part.meetingId}/notes/import`, plan.request);
  } catch (error) {
    const lines = error instanceof ApiError && error.status === 400 ? serverRowProblems(error, plan.rows, t) : [];
    return lines.length > 0 ? { kind: "rows", intro: t("wordRowsRejected"), lines } : { kind: "error", message: describeError(error, t) };
  }
  try {
    const next = afterSend(current, plan, changes.created);
    await session.host.recordSent(withBaseline(xml, next), next.rowsToTag);
    return { kind: "sent", changes, warning: null };
  } catch (error) {
    return { kind: "sent", changes, warning: t("wordBaselineFailed", { reason: reason(error) }) };
  }
}

/**
 * The document's meeting part as it is now (an earlier send may have renewed its baseline) and the import of the
 * document's content against it; null when the part is gone or names another meeting than the pane shows.
 */
async function readDocument(host: WordHost, meetingId: string) {
  const xml = await host.readMeetingXml();
  const current = xml === null ? null : parseMeetingPart(xml);
  return xml !== null && current?.meetingId === meetingId ? { xml, current, plan: planImport(current, await host.readContent()) } : null;
}

function problemText(problem: RowProblem, t: Translate): string {
  return problem.kind === "dueDate" ? t("wordBadDate") : t("wordBadStatus");
}

function rowLine(table: DocumentRow["table"], row: number, problem: string, t: Translate): string {
  return t("wordRowProblem", { table: table === "earlier" ? t("wordTableEarlier") : t("wordTableNew"), row, problem });
}

/** The server names problems by the request's index ("actions[2].owner"); a person needs the table and row. */
function serverRowProblems(error: ApiError, rows: DocumentRow[], t: Translate): string[] {
  const errors = error.problem?.errors;
  if (!errors || typeof errors !== "object") {
    return [];
  }
  return Object.entries(errors as Record<string, string[]>).flatMap(([key, messages]) => {
    const row = rows[Number(/^actions\[(\d+)\]/i.exec(key)?.[1] ?? NaN)];
    return messages.map((message) => (row ? rowLine(row.table, row.number, message, t) : message));
  });
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (outcome.kind === "error") {
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{outcome.message}</MessageBarBody>
      </MessageBar>
    );
  }
  if (outcome.kind === "rows") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          {outcome.intro}
          <ul>
            {outcome.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    );
  }
  const { changes } = outcome;
  const fields = (action: ChangedAction) =>
    action.fields
      .map((f) => t(f === "text" ? "wordFieldText" : f === "owner" ? "wordFieldOwner" : f === "dueDate" ? "wordFieldDueDate" : "wordFieldStatus"))
      .join(", ");
  return (
    <>
      <MessageBar intent={changes.changed ? "success" : "info"} layout="multiline">
        <MessageBarBody>
          <span data-testid="send-summary">{changes.summary}</span>
          {changes.changed && (
            <ul className={styles.meta}>
              {changes.created.map((a) => (
                <li key={`c${a.id}`}>{t("wordCreated", { text: a.text })}</li>
              ))}
              {changes.updated.map((a) => (
                <li key={`u${a.id}`}>{t("wordUpdated", { text: a.text, fields: fields(a) })}</li>
              ))}
              {changes.sharedNotesUpdated && <li>{t("wordNotesUpdated")}</li>}
            </ul>
          )}
        </MessageBarBody>
      </MessageBar>
      {outcome.warning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{outcome.warning}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
