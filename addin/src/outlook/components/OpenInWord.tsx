import { Button, Link, Text } from "@fluentui/react-components";
import { DocumentText20Regular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import { ApiError } from "../../core/api";
import { download } from "../../core/download";
import { describeError } from "../../core/errors";
import { fill } from "../../core/i18n";
import { useI18n } from "../../core/I18nProvider";
import { deviceTimeZone } from "../../core/timeZone";
import type { DocumentChanges, OneDriveDocument, PaneData } from "../../core/types";
import type { Session } from "../boot";
import { useStyles } from "../../core/ui/styles";
import { moreTexts } from "../moreTexts";

/**
 * The meeting-notes Word document, with its times in this device's time zone. Where the server can use OneDrive
 * (Entra ID mode) the document goes to the person's OneDrive, shared with the other participant, and opens in Word for
 * the web, so both work in one file; otherwise, or when OneDrive fails, it is downloaded. The API needs the bearer
 * token either way, so it is asked for here (a plain link would go without it). What was written in the OneDrive copy
 * comes back on request, as Word's pane would send it, for a person who edits it without the add-in.
 */
export function OpenInWord({ session, pane, onImported }: { session: Session; pane: PaneData; onImported: () => void }) {
  const { t, language } = useI18n();
  const texts = moreTexts(language);
  const [imported, setImported] = useState<string | null>(null);
  const [downloaded, setDownloaded] = useState(false);
  const uploadId = useId();
  const styles = useStyles();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [online, setOnline] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const documentPath = `/api/meetings/${pane.meeting.id}/notes.docx`;
  const timeZone = `timeZone=${encodeURIComponent(deviceTimeZone())}`;

  /** Null when OneDrive refused or could not be reached: the document is downloaded instead, and the pane says so. */
  const storeInOneDrive = async () => {
    try {
      return await session.api.send<OneDriveDocument>("POST", `${documentPath}/onedrive?${timeZone}`);
    } catch (failure) {
      // 422: the server has no Graph after all; 502: OneDrive or the consent to it refused.
      if (failure instanceof ApiError && (failure.status === 422 || failure.status === 502)) {
        setNotice(t("wordOneDriveFallback"));
        return null;
      }
      throw failure;
    }
  };

  const open = async () => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const stored = session.config.oneDrive ? await storeInOneDrive() : null;
      if (stored) {
        setOnline(stored.webUrl);
        if (session.host) {
          session.host.openInBrowser(stored.webUrl);
        } else {
          window.open(stored.webUrl, "_blank", "noopener");
        }
      } else {
        download(await session.api.blob(`${documentPath}?${timeZone}`), `${pane.meeting.subject || "1-on-1"}.docx`);
        setDownloaded(true);
      }
    } catch (failure) {
      setError(t("wordUnavailable", { reason: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  /** Applies the document's rows and notes as the server reads them: the OneDrive copy, or a file the person edited. */
  const bringBack = async (upload: File | null) => {
    setBusy(true);
    setError(null);
    setImported(null);
    try {
      const changes = upload
        ? await session.api.send<DocumentChanges>("POST", documentPath, withFile(upload))
        : await session.api.send<DocumentChanges>("POST", `${documentPath}/onedrive/import?${timeZone}`);
      setImported(changes.summary);
      if (changes.changed) {
        onImported();
      }
    } catch (failure) {
      setError(fill(texts.wordImportFailed, { reason: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  const other = pane.participants.find((p) => !p.isMe)?.displayName ?? "";
  return (
    <div>
      <Button icon={<DocumentText20Regular />} disabled={busy} onClick={() => void open()}>
        {t("openInWord")}
      </Button>
      {/* Also as a link: a browser may have blocked the window the button opened. */}
      {online && (
        <Text as="p" block>
          <Link href={online} target="_blank" rel="noopener">
            {t("wordOnline", { name: other })}
          </Link>
        </Text>
      )}
      {online && (
        <div>
          <Button disabled={busy} onClick={() => void bringBack(null)}>
            {texts.wordImport}
          </Button>
        </div>
      )}
      {downloaded && (
        <div>
          <label className={styles.meta} htmlFor={uploadId}>
            {texts.wordUpload}
          </label>
          <input
            id={uploadId}
            type="file"
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) {
                void bringBack(file);
              }
            }}
          />
        </div>
      )}
      {imported && (
        <Text as="p" role="status" block data-testid="word-imported">
          {imported}
        </Text>
      )}
      {notice && (
        <Text as="p" role="status" block>
          {notice}
        </Text>
      )}
      {error && (
        <Text as="p" role="alert" block>
          {error}
        </Text>
      )}
    </div>
  );
}

/** The edited document as the upload endpoint takes it: multipart, in a field named "file". */
function withFile(file: File): FormData {
  const form = new FormData();
  form.append("file", file);
  return form;
}
