import { Spinner } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { Api } from "../../core/api";
import { describeError } from "../../core/errors";
import { formatDateOnly } from "../../core/format";
import { useI18n } from "../../core/I18nProvider";
import { useStyles } from "../../core/ui/styles";
import { fill } from "../../core/i18n";
import { moreTexts, type MoreTexts } from "../moreTexts";

interface AuditEntry {
  at: string;
  byName: string | null;
  change: "Added" | "Modified" | "Deleted";
  fields: { field: string; old: string | null; new: string | null }[];
}

/** Who changed an action item, when and what (GET …/actions/{id}/audit): loaded when the person asks for it. */
export default function ActionHistory({ api, seriesId, actionId }: { api: Api; seriesId: string; actionId: string }) {
  const { t, language, locale } = useI18n();
  const styles = useStyles();
  const texts = moreTexts(language);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.get<AuditEntry[]>(`/api/series/${seriesId}/actions/${actionId}/audit`).then(setEntries, (e: unknown) => setError(describeError(e, t)));
  }, [api, seriesId, actionId, t]);

  if (error) {
    return <p role="alert">{error}</p>;
  }
  if (!entries) {
    return <Spinner size="tiny" label={texts.historyTitle} />;
  }
  return (
    <ol className={styles.list} aria-label={texts.historyTitle} data-testid="action-history">
      {entries.map((entry, i) => (
        <li key={i} className={styles.meta}>
          {new Date(entry.at).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" })} · {describe(entry, texts, locale)}
        </li>
      ))}
    </ol>
  );
}

function describe(entry: AuditEntry, texts: MoreTexts, locale: string): string {
  const name = entry.byName ?? texts.historySomeone;
  if (entry.change !== "Modified") {
    return fill(entry.change === "Added" ? texts.historyAdded : texts.historyDeleted, { name });
  }
  const value = (field: string, raw: string | null) =>
    raw === null || raw === "" ? texts.none : field === "DueDate" ? formatDateOnly(raw.slice(0, 10), locale) : field === "Status" ? (raw === "Done" ? texts.statusDone : texts.statusOpen) : raw;
  const fields = entry.fields
    .map((f) => {
      const template = { Text: texts.fieldText, OwnerId: texts.fieldOwner, DueDate: texts.fieldDueDate, Status: texts.fieldStatus }[f.field];
      return template ? fill(template, { old: value(f.field, f.old), new: value(f.field, f.new) }) : null;
    })
    .filter((f): f is string => f !== null);
  return fill(texts.historyChanged, { name, fields: fields.join(", ") });
}
