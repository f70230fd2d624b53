import { Button, Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Api } from "../core/api";
import { fill, localeFor, pickLanguage } from "../core/i18n";
import { useStyles } from "../core/ui/styles";
import { describeProblem, type Texts } from "./texts";

/** GET /api/admin/follow-ups/failed: whom a mail was for and why it failed, never what it said. */
interface FailedFollowUp {
  id: string;
  kind: "Recap" | "PreparationReminder" | "OverdueDigest";
  recipientName: string;
  recipientEmail: string;
  dueUtc: string;
  attempts: number;
  reason: string | null;
}

/** The follow-up mails of the admin's organisation that were not sent, each with a way to send it again. */
export function FailedMail({ api, texts, language }: { api: Api; texts: Texts; language: string }) {
  const styles = useStyles();
  const [failed, setFailed] = useState<FailedFollowUp[] | null>(null);
  const [sent, setSent] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const locale = localeFor(pickLanguage(language), null);

  useEffect(() => {
    api.get<FailedFollowUp[]>("/api/admin/follow-ups/failed").then(setFailed, (e: unknown) => setProblem(fill(texts.failedLoad, { reason: describeProblem(e, texts) })));
  }, [api, texts]);

  const sendAgain = async (mail: FailedFollowUp) => {
    setProblem(null);
    try {
      await api.send("POST", `/api/admin/follow-ups/${mail.id}/retry`);
      setSent((ids) => [...ids, mail.id]);
    } catch (e) {
      setProblem(describeProblem(e, texts));
    }
  };

  const kind = (mail: FailedFollowUp) =>
    ({ Recap: texts.failedKindRecap, PreparationReminder: texts.failedKindPreparationReminder, OverdueDigest: texts.failedKindOverdueDigest })[mail.kind];

  return (
    <section className={styles.section} aria-labelledby="failed-mail" data-testid="failed-mail">
      <h2 id="failed-mail" className={styles.heading}>
        {texts.failedTitle}
      </h2>
      <p className={styles.muted}>{texts.failedHelp}</p>
      {problem && <p role="alert">{problem}</p>}
      {failed === null && !problem && <Spinner size="tiny" label={texts.loading} />}
      {failed?.length === 0 && <p>{texts.failedEmpty}</p>}
      {failed && failed.length > 0 && (
        <ul className={styles.list}>
          {failed.map((mail) => (
            <li key={mail.id} className={styles.item}>
              <div className={styles.itemBody}>
                <span>
                  {fill(texts.failedRow, {
                    kind: kind(mail),
                    name: mail.recipientName,
                    email: mail.recipientEmail,
                    date: new Date(mail.dueUtc).toLocaleString(locale),
                    attempts: mail.attempts,
                  })}
                </span>
                {mail.reason && <span className={styles.meta}>{mail.reason}</span>}
              </div>
              {sent.includes(mail.id) ? (
                <span role="status">{texts.sentAgain}</span>
              ) : (
                <Button size="small" aria-label={fill(texts.sendAgainLabel, { kind: kind(mail).toLowerCase(), name: mail.recipientName })} onClick={() => void sendAgain(mail)}>
                  {texts.sendAgain}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
