import { Button, Text } from "@fluentui/react-components";
import { DocumentText20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Api } from "../../core/api";
import { describeError } from "../../core/errors";
import { useI18n } from "../../core/I18nProvider";
import type { PaneData } from "../../core/types";

/**
 * The generated Word document. The API needs the bearer token, so it is fetched here and handed to the browser as
 * a download (a plain link would go without the token).
 */
export function OpenInWord({ api, pane }: { api: Api; pane: PaneData }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const blob = await api.blob(`/api/meetings/${pane.meeting.id}/notes.docx`);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `${pane.meeting.subject || "1-on-1"}.docx`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (failure) {
      setError(t("wordUnavailable", { reason: describeError(failure, t) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <Button icon={<DocumentText20Regular />} disabled={busy} onClick={() => void open()}>
        {t("openInWord")}
      </Button>
      {error && (
        <Text as="p" role="alert" block>
          {error}
        </Text>
      )}
    </div>
  );
}
