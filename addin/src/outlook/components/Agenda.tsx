import { Badge, Button, Checkbox, Field, Input } from "@fluentui/react-components";
import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular, Edit16Regular } from "@fluentui/react-icons";
import { useId, useState, type KeyboardEvent } from "react";
import { formatDay } from "../../core/format";
import { useI18n } from "../../core/I18nProvider";
import type { AgendaItem } from "../../core/types";
import { useStyles } from "../../core/ui/styles";
import type { PaneActions } from "../usePane";

/** The shared agenda: add (Enter), edit and delete one's own items, tick discussed, reorder by keyboard, buttons or drag. */
export function Agenda({ items, myId, actions }: { items: AgendaItem[]; myId: string; actions: PaneActions }) {
  const { t } = useI18n();
  const styles = useStyles();
  const id = useId();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const [dragged, setDragged] = useState<string | null>(null);

  const add = async () => {
    const value = text.trim();
    if (!value || busy) {
      return;
    }
    setBusy(true);
    // The text stays in the field until the server has it.
    if (await actions.addAgendaItem(value)) {
      setText("");
    }
    setBusy(false);
  };

  const move = async (item: AgendaItem, to: number) => {
    if (to < 0 || to >= items.length) {
      return;
    }
    if (await actions.moveAgendaItem(item, to)) {
      setAnnouncement(t("agendaMoved", { position: to + 1 }));
    }
  };

  const onKeyDown = (event: KeyboardEvent, item: AgendaItem, index: number) => {
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      void move(item, event.key === "ArrowUp" ? index - 1 : index + 1);
    }
  };

  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.heading}>
        {t("agendaTitle")}
      </h2>
      {items.length === 0 ? (
        <p className={styles.muted}>{t("agendaEmpty")}</p>
      ) : (
        <ol className={styles.list} data-testid="agenda" aria-describedby={`${id}-hint`}>
          {items.map((item, index) => (
            <li
              key={item.id}
              className={styles.item}
              draggable
              onDragStart={() => setDragged(item.id)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={() => {
                const source = items.find((x) => x.id === dragged);
                setDragged(null);
                if (source && source.id !== item.id) {
                  void move(source, index);
                }
              }}
              onKeyDown={(event) => onKeyDown(event, item, index)}
            >
              <AgendaRow item={item} index={index} count={items.length} mine={item.authorId === myId} actions={actions} move={move} />
            </li>
          ))}
        </ol>
      )}
      <p id={`${id}-hint`} className={styles.visuallyHidden}>
        {t("agendaReorderHint")}
      </p>
      <p className={styles.visuallyHidden} aria-live="polite">
        {announcement}
      </p>
      <div className={styles.row}>
        <Field label={t("agendaAddLabel")} className={styles.grow}>
          <Input
            value={text}
            placeholder={t("agendaAddPlaceholder")}
            maxLength={500}
            onChange={(_, data) => setText(data.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                void add();
              }
            }}
          />
        </Field>
        <Button onClick={() => void add()} disabled={busy || !text.trim()} style={{ alignSelf: "flex-end" }}>
          {t("agendaAdd")}
        </Button>
      </div>
    </section>
  );
}

function AgendaRow({
  item,
  index,
  count,
  mine,
  actions,
  move,
}: {
  item: AgendaItem;
  index: number;
  count: number;
  mine: boolean;
  actions: PaneActions;
  move: (item: AgendaItem, to: number) => Promise<void>;
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const [editing, setEditing] = useState<string | null>(null);
  const [discussed, setDiscussed] = useState<boolean | null>(null);
  const markDiscussed = async (value: boolean) => {
    setDiscussed(value);
    await actions.setDiscussed(item, value);
    setDiscussed(null);
  };

  const save = async () => {
    const value = editing?.trim();
    if (!value || value === item.text || (await actions.editAgendaItem(item, value))) {
      setEditing(null);
    }
  };

  if (editing !== null) {
    return (
      <div className={styles.row} style={{ width: "100%" }}>
        <Input
          className={styles.grow}
          aria-label={t("editLabel")}
          value={editing}
          maxLength={500}
          autoFocus
          onChange={(_, data) => setEditing(data.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              void save();
            } else if (event.key === "Escape") {
              setEditing(null);
            }
          }}
        />
        <Button size="small" appearance="primary" onClick={() => void save()}>
          {t("save")}
        </Button>
        <Button size="small" onClick={() => setEditing(null)}>
          {t("cancel")}
        </Button>
      </div>
    );
  }

  return (
    <>
      <Checkbox
        checked={discussed ?? item.discussed}
        aria-label={t("agendaDiscussed", { text: item.text })}
        onChange={(_, data) => void markDiscussed(data.checked === true)}
      />
      <div className={styles.itemBody}>
        <span style={(discussed ?? item.discussed) ? { textDecoration: "line-through" } : undefined}>{item.text}</span>
        <span className={styles.meta}>
          {t("agendaAddedBy", { name: item.authorName })}
          {item.carriedOver && item.carriedOverFrom && (
            <>
              {" "}
              <Badge appearance="tint" color="warning" size="small">
                {t("agendaCarriedOver", { date: formatDay(item.carriedOverFrom, locale) })}
              </Badge>
            </>
          )}
        </span>
      </div>
      <Button size="small" appearance="subtle" icon={<ArrowUp16Regular />} aria-label={t("moveUp", { text: item.text })} disabled={index === 0} onClick={() => void move(item, index - 1)} />
      <Button size="small" appearance="subtle" icon={<ArrowDown16Regular />} aria-label={t("moveDown", { text: item.text })} disabled={index === count - 1} onClick={() => void move(item, index + 1)} />
      {mine && (
        <>
          <Button size="small" appearance="subtle" icon={<Edit16Regular />} aria-label={t("edit", { text: item.text })} onClick={() => setEditing(item.text)} />
          <Button size="small" appearance="subtle" icon={<Delete16Regular />} aria-label={t("delete", { text: item.text })} onClick={() => void actions.deleteAgendaItem(item)} />
        </>
      )}
    </>
  );
}
