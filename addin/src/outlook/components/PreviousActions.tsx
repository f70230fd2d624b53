import { Badge, Button, Checkbox, mergeClasses } from "@fluentui/react-components";
import { lazy, Suspense, useId, useState } from "react";
import type { Api } from "../../core/api";
import { formatDateOnly } from "../../core/format";
import { useI18n } from "../../core/I18nProvider";
import type { ActionItem } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

// Loaded when someone asks for an action's history, never with the first view.
const ActionHistory = lazy(() => import("./ActionHistory"));

/** Where an action's history is read from: the pane's API and the action's series. */
export interface HistorySource {
  api: Api;
  seriesId: string;
}

/** The actions still open from earlier meetings (and those ticked off in this one): tick to complete. */
export function PreviousActions({
  actions,
  onDone,
  history,
}: {
  actions: ActionItem[];
  onDone: (action: ActionItem, done: boolean) => Promise<boolean>;
  history: HistorySource;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("previousActionsTitle")}
      </h2>
      {actions.length === 0 ? (
        <p className={styles.muted}>{t("previousActionsEmpty")}</p>
      ) : (
        <ul className={styles.list} data-testid="previous-actions">
          {actions.map((action) => (
            <ActionRow key={action.id} action={action} onDone={onDone} history={history} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ActionRow({
  action,
  onDone,
  history,
}: {
  action: ActionItem;
  onDone: (action: ActionItem, done: boolean) => Promise<boolean>;
  history: HistorySource;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [showHistory, setShowHistory] = useState(false);
  // The tick shows at once; the server's answer (or a failure) settles it.
  const [pending, setPending] = useState<boolean | null>(null);
  const done = pending ?? action.status === "Done";
  const change = async (value: boolean) => {
    setPending(value);
    await onDone(action, value);
    setPending(null);
  };
  return (
    <li className={mergeClasses(styles.item, action.overdue && styles.overdue)} data-overdue={action.overdue || undefined}>
      <Checkbox checked={done} aria-label={t("actionDone", { text: action.text })} onChange={(_, data) => void change(data.checked === true)} />
      <div className={styles.itemBody}>
        <span style={done ? { textDecoration: "line-through" } : undefined}>{action.text}</span>
        <span className={styles.meta}>
          {t("actionOwner", { name: action.ownerName })} · {action.dueDate ? t("actionDue", { date: formatDateOnly(action.dueDate, locale) }) : t("actionNoDue")}
        </span>
        <div>
          <Button
            appearance="transparent"
            size="small"
            aria-expanded={showHistory}
            aria-label={t("actionHistory", { text: action.text })}
            onClick={() => setShowHistory((shown) => !shown)}
          >
            {t("actionHistoryShort")}
          </Button>
        </div>
        {showHistory && (
          <Suspense fallback={null}>
            <ActionHistory api={history.api} seriesId={history.seriesId} actionId={action.id} />
          </Suspense>
        )}
      </div>
      {action.overdue && (
        <Badge color="danger" appearance="filled">
          {t("actionOverdue")}
        </Badge>
      )}
    </li>
  );
}
