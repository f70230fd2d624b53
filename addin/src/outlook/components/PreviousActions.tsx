import { Badge, Button, Checkbox, mergeClasses } from "@fluentui/react-components";
import { lazy, Suspense, useId, useState } from "react";
import type { Api } from "../../core/api";
import { formatDateOnly } from "../../core/format";
import { useI18n } from "../../core/I18nProvider";
import type { ActionItem, Participant } from "../../core/types";
import { useStyles } from "../../core/ui/styles";

// Loaded when someone asks for an action's history, never with the first view.
const ActionHistory = lazy(() => import("./ActionHistory"));
// The editor rides in the chunk of the pane's lower part, which loads right after the first view: a chunk of its own
// would split the form controls it shares with the first view out of that view's chunk, and make the view bigger.
const ActionEditor = lazy(() => import("./Details").then((details) => ({ default: details.ActionEditor })));

/** What an action row needs besides the action: where its history is read, who may own it, and how it is changed. */
export interface ActionRowContext {
  api: Api;
  seriesId: string;
  participants: Participant[];
  onDone: (action: ActionItem, done: boolean) => Promise<boolean>;
  onEdit: (action: ActionItem, change: ActionChange) => Promise<boolean>;
}

/** An action's new text, owner and due date (null: none). */
export interface ActionChange {
  text: string;
  ownerId: string;
  dueDate: string | null;
}

/** The actions still open from earlier meetings (and those ticked off in this one): tick to complete. */
export function PreviousActions({ actions, context }: { actions: ActionItem[]; context: ActionRowContext }) {
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
            <ActionRow key={action.id} action={action} context={context} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function ActionRow({ action, context }: { action: ActionItem; context: ActionRowContext }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [showHistory, setShowHistory] = useState(false);
  const [editing, setEditing] = useState(false);
  // The tick shows at once; the server's answer (or a failure) settles it.
  const [pending, setPending] = useState<boolean | null>(null);
  const done = pending ?? action.status === "Done";
  const change = async (value: boolean) => {
    setPending(value);
    await context.onDone(action, value);
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
          <Button appearance="transparent" size="small" aria-expanded={editing} aria-label={t("actionEdit", { text: action.text })} onClick={() => setEditing((open) => !open)}>
            {t("actionEditShort")}
          </Button>
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
        {editing && (
          <Suspense fallback={null}>
            <ActionEditor action={action} participants={context.participants} onSave={(change) => context.onEdit(action, change)} onClose={() => setEditing(false)} />
          </Suspense>
        )}
        {showHistory && (
          <Suspense fallback={null}>
            <ActionHistory api={context.api} seriesId={context.seriesId} actionId={action.id} />
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
