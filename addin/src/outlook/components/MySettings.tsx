import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Select } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import type { Api } from "../../core/api";
import { download } from "../../core/download";
import { describeError } from "../../core/errors";
import { useI18n } from "../../core/I18nProvider";
import { forgetDraftsExcept } from "../../core/noteSaver";
import { useStyles } from "../../core/ui/styles";
import { moreTexts } from "../moreTexts";

interface Me {
  preferredLanguage: string | null;
}

interface MailPreferences {
  recaps: boolean;
  reminders: boolean;
  digests: boolean;
}

/**
 * The person's own settings and data: the language OneOnOne speaks to them, which mails they get, a download of
 * everything held about them, and erasing it (after a confirmation).
 */
export function MySettings({ api, onLanguage, onErased }: { api: Api; onLanguage: (language: string | null) => Promise<boolean>; onErased: () => void }) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const texts = moreTexts(language);
  const id = useId();
  const [me, setMe] = useState<Me | null>(null);
  const [mail, setMail] = useState<MailPreferences | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Mounted from the first question on (a closed Fluent dialog leaves focus-trap sentinels in the page; unmounting an
  // open one would leave the rest of the pane hidden from screen readers).
  const [asked, setAsked] = useState(false);

  useEffect(() => {
    void Promise.all([api.get<Me>("/api/me"), api.get<MailPreferences>("/api/me/mail-preferences")]).then(
      ([person, preferences]) => {
        setMe(person);
        setMail(preferences);
      },
      (error: unknown) => setStatus(describeError(error, t)),
    );
  }, [api, t]);

  const run = async (work: () => Promise<unknown>, done: string | null = texts.saved) => {
    try {
      await work();
      setStatus(done);
    } catch (error) {
      setStatus(describeError(error, t));
    }
  };

  const changeMail = (change: Partial<MailPreferences>) => {
    if (!mail) {
      return;
    }
    const next = { ...mail, ...change };
    setMail(next);
    void run(async () => setMail(await api.send<MailPreferences>("PUT", "/api/me/mail-preferences", next)));
  };

  const downloadMyData = () =>
    void run(async () => download(await api.blob("/api/me/export"), "oneonone-export.json"), null);

  const erase = () =>
    void run(async () => {
      await api.send<void>("DELETE", "/api/me");
      forgetDraftsExcept(null);
      onErased();
    }, null);

  return (
    <section className={styles.section} aria-labelledby={id} data-testid="my-settings">
      <h2 id={id} className={styles.heading}>
        {texts.settingsTitle}
      </h2>
      {me && (
        <Field label={texts.language}>
          <Select
            value={me.preferredLanguage ?? ""}
            onChange={(_, data) => {
              const chosen = data.value === "" ? null : data.value;
              setMe({ preferredLanguage: chosen });
              // A failure shows in the pane's own problem bar; "saved" only when it was.
              void onLanguage(chosen).then((saved) => setStatus(saved ? texts.saved : null));
            }}
          >
            <option value="">{texts.languageOffice}</option>
            <option value="nl">{texts.languageNl}</option>
            <option value="en">{texts.languageEn}</option>
          </Select>
        </Field>
      )}
      {mail && (
        <fieldset className={styles.section} style={{ border: 0, margin: 0, padding: 0 }}>
          <legend className={styles.meta}>{texts.mailTitle}</legend>
          <Checkbox label={texts.mailRecaps} checked={mail.recaps} onChange={(_, data) => changeMail({ recaps: data.checked === true })} />
          <Checkbox label={texts.mailReminders} checked={mail.reminders} onChange={(_, data) => changeMail({ reminders: data.checked === true })} />
          <Checkbox label={texts.mailDigests} checked={mail.digests} onChange={(_, data) => changeMail({ digests: data.checked === true })} />
        </fieldset>
      )}
      <div className={styles.row}>
        <Button onClick={downloadMyData}>{texts.exportData}</Button>
        <Button
          onClick={() => {
            setAsked(true);
            setConfirming(true);
          }}
        >
          {texts.eraseData}
        </Button>
      </div>
      <p className={styles.muted}>{texts.exportHelp}</p>
      <p role="status" className={styles.meta}>
        {status}
      </p>
      {asked && (
        <Dialog open={confirming} onOpenChange={(_, data) => setConfirming(data.open)}>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{texts.eraseTitle}</DialogTitle>
              <DialogContent>{texts.eraseHelp}</DialogContent>
              <DialogActions>
                <Button appearance="secondary" onClick={() => setConfirming(false)}>
                  {texts.cancel}
                </Button>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirming(false);
                    erase();
                  }}
                >
                  {texts.eraseConfirm}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      )}
    </section>
  );
}
