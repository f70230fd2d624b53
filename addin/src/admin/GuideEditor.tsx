import { Button, Field, Input, MessageBar, MessageBarActions, MessageBarBody, Select, Textarea } from "@fluentui/react-components";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { ApiError, type Api } from "../core/api";
import { download } from "../core/download";
import { useStyles } from "../core/ui/styles";
import { fill, localeFor, pickLanguage } from "../core/i18n";
import { describeChange, describeProblem, textsFor } from "./texts";
import { audiences, moments, themes, type AgendaTemplate, type FieldErrors, type Guide, type GuidePrompt, type GuideResponse, type GuideText, type GuideVersion, type Theme } from "./types";
import { FailedMail } from "./FailedMail";

type Texts = ReturnType<typeof textsFor>;

type Status =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; message: string }
  | { kind: "invalid"; count: number }
  | { kind: "conflict"; current: GuideResponse }
  | { kind: "error"; message: string };

/** The whole guide on one page: edit it, save it as a new version, look back, restore, export and import. */
export function GuideEditor({ api, texts, language }: { api: Api; texts: Texts; language: string }) {
  const styles = useStyles();
  const [current, setCurrent] = useState<GuideResponse | null>(null);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [history, setHistory] = useState<GuideVersion[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status>({ kind: "idle" });

  const load = useCallback(async (shown?: GuideResponse) => {
    const [latest, versions] = await Promise.all([shown ? Promise.resolve(shown) : api.get<GuideResponse>("/api/admin/guide"), api.get<GuideVersion[]>("/api/admin/guide/versions")]);
    setCurrent(latest);
    setGuide(latest.guide);
    setHistory(versions);
    setErrors({});
  }, [api]);

  useEffect(() => {
    void load().catch((error: unknown) => setStatus({ kind: "error", message: describeProblem(error, texts) }));
  }, [load, texts]);

  /** Sends a change of the guide; its answer becomes what is shown, a refusal says why. */
  const submit = async (send: () => Promise<GuideResponse>, message: (saved: GuideResponse) => string) => {
    setStatus({ kind: "saving" });
    try {
      const saved = await send();
      await load(saved);
      setStatus({ kind: "saved", message: message(saved) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && error.problem?.current) {
        setStatus({ kind: "conflict", current: error.problem.current as GuideResponse });
      } else if (error instanceof ApiError && error.status === 400 && error.problem?.errors) {
        const found = error.problem.errors as FieldErrors;
        setErrors(found);
        setStatus({ kind: "invalid", count: Object.keys(found).length });
      } else {
        setStatus({ kind: "error", message: describeProblem(error, texts) });
      }
    }
  };

  if (!guide || !current) {
    return (
      <main className={styles.page}>
        <h1 className={styles.heading}>{texts.title}</h1>
        <StatusBar status={status} texts={texts} onLoadTheirs={() => undefined} />
      </main>
    );
  }

  const save = () =>
    void submit(
      () => api.send<GuideResponse>("PUT", "/api/admin/guide", { version: current.version, guide }),
      (saved) => fill(texts.saved, { version: saved.version }),
    );
  const restore = (version: number) =>
    void submit(
      () => api.send<GuideResponse>("POST", `/api/admin/guide/versions/${version}/restore`, { version: current.version }),
      (saved) => fill(texts.restored, { version, current: saved.version }),
    );
  const importFile = async (file: File) => {
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setStatus({ kind: "error", message: texts.importUnreadable });
      return;
    }
    await submit(() => api.send<GuideResponse>("POST", `/api/admin/guide/import?version=${current.version}`, body), (saved) => fill(texts.imported, { version: saved.version }));
  };
  const exportFile = async () => {
    try {
      download(await api.blob("/api/admin/guide/export"), `oneonone-guide-v${current.version}.json`);
    } catch (error) {
      setStatus({ kind: "error", message: describeProblem(error, texts) });
    }
  };
  // An edit makes the errors of the last save stale (and an entry removed would move them onto its neighbour).
  const edit = (next: Guide) => {
    setGuide(next);
    setErrors({});
  };

  return (
    <main className={styles.page} style={{ maxWidth: 960, margin: "0 auto" }}>
      <h1 className={styles.heading} style={{ fontSize: 24, lineHeight: "32px" }}>
        {texts.title}
      </h1>
      <p>{texts.intro}</p>
      <p className={styles.muted} data-testid="guide-version">
        {current.builtIn
          ? texts.builtIn
          : fill(texts.version, { version: current.version, name: current.changedBy ?? "", date: new Date(current.changedUtc ?? "").toLocaleString(localeFor(pickLanguage(language), null)) })}
      </p>
      <StatusBar status={status} texts={texts} onLoadTheirs={() => status.kind === "conflict" && void load(status.current).then(() => setStatus({ kind: "idle" }))} />
      <Prompts prompts={guide.prompts} texts={texts} errors={errors} onChange={(prompts) => edit({ ...guide, prompts })} />
      <Templates templates={guide.templates} texts={texts} errors={errors} onChange={(templates) => edit({ ...guide, templates })} />
      <section className={styles.section} aria-labelledby="defaults">
        <h2 id="defaults" className={styles.heading}>
          {texts.defaults}
        </h2>
        <div className={styles.row}>
          <Field label={texts.reminderLead} {...problem(errors, "guide.defaults.reminderLeadHours")}>
            <Input
              type="number"
              value={String(guide.defaults.reminderLeadHours)}
              onChange={(_, data) => edit({ ...guide, defaults: { ...guide.defaults, reminderLeadHours: Number(data.value) } })}
            />
          </Field>
          <Field label={texts.recapDelay} {...problem(errors, "guide.defaults.recapDelayMinutes")}>
            <Input
              type="number"
              value={String(guide.defaults.recapDelayMinutes)}
              onChange={(_, data) => edit({ ...guide, defaults: { ...guide.defaults, recapDelayMinutes: Number(data.value) } })}
            />
          </Field>
        </div>
      </section>
      <div className={styles.row}>
        <Button appearance="primary" onClick={save} disabled={status.kind === "saving"}>
          {status.kind === "saving" ? texts.saving : texts.save}
        </Button>
        <Button onClick={() => void exportFile()}>{texts.exportGuide}</Button>
        <ImportButton label={texts.importGuide} onFile={(file) => void importFile(file)} />
      </div>
      <History history={history} current={current.version} texts={texts} language={language} onRestore={restore} />
      <FailedMail api={api} texts={texts} language={language} />
    </main>
  );
}

function StatusBar({ status, texts, onLoadTheirs }: { status: Status; texts: Texts; onLoadTheirs: () => void }) {
  const message =
    status.kind === "saved"
      ? { intent: "success" as const, text: status.message }
      : status.kind === "invalid"
        ? { intent: "error" as const, text: fill(texts.invalid, { count: status.count }) }
        : status.kind === "conflict"
          ? { intent: "warning" as const, text: fill(texts.conflict, { version: status.current.version }) }
          : status.kind === "error"
            ? { intent: "error" as const, text: status.message }
            : null;
  return (
    <div aria-live="polite" data-testid="guide-status">
      {message && (
        <MessageBar intent={message.intent} layout="multiline">
          <MessageBarBody>{message.text}</MessageBarBody>
          {status.kind === "conflict" && (
            <MessageBarActions>
              <Button size="small" onClick={onLoadTheirs}>
                {texts.loadTheirs}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}

function Prompts({ prompts, texts, errors, onChange }: { prompts: GuidePrompt[]; texts: Texts; errors: FieldErrors; onChange: (prompts: GuidePrompt[]) => void }) {
  const styles = useStyles();
  const [chosen, setShown] = useState<Theme | "all">("all");
  // Entries the last save refused are never filtered out of sight.
  const shown = Object.keys(errors).some((key) => key.startsWith("guide.prompts")) ? "all" : chosen;
  const change = (index: number, prompt: GuidePrompt) => onChange(prompts.map((p, i) => (i === index ? prompt : p)));
  const add = () => {
    let n = prompts.length + 1;
    while (prompts.some((p) => p.key === `custom-${n}`)) n++;
    onChange([...prompts, { key: `custom-${n}`, theme: shown === "all" ? "Preparation" : shown, for: "Both", when: "Regular", text: { nl: "", en: "" }, every: null }]);
  };
  return (
    <section className={styles.section} aria-labelledby="prompts">
      <h2 id="prompts" className={styles.heading}>
        {texts.prompts}
      </h2>
      <p className={styles.muted}>{texts.promptsHelp}</p>
      <Field label={texts.filterTheme}>
        <Select value={shown} onChange={(_, data) => setShown(data.value as Theme | "all")}>
          <option value="all">{texts.allThemes}</option>
          {themes.map((theme) => (
            <option key={theme} value={theme}>
              {texts.themeNames[theme]}
            </option>
          ))}
        </Select>
      </Field>
      <ul className={styles.list} data-testid="guide-prompts">
        {prompts.map((prompt, index) =>
          shown !== "all" && prompt.theme !== shown ? null : (
            <li key={index} className={styles.item} style={{ flexDirection: "column", alignItems: "stretch", padding: 12 }} data-key={prompt.key}>
              <PromptFields prompt={prompt} at={`guide.prompts[${index}]`} texts={texts} errors={errors} onChange={(p) => change(index, p)} />
              <div>
                <Button size="small" onClick={() => onChange(prompts.filter((_, i) => i !== index))} aria-label={`${texts.remove}: ${fill(texts.prompt, { key: prompt.key })}`}>
                  {texts.remove}
                </Button>
              </div>
            </li>
          ),
        )}
      </ul>
      <div>
        <Button onClick={add}>{texts.addPrompt}</Button>
      </div>
    </section>
  );
}

function PromptFields({ prompt, at, texts, errors, onChange }: { prompt: GuidePrompt; at: string; texts: Texts; errors: FieldErrors; onChange: (prompt: GuidePrompt) => void }) {
  const styles = useStyles();
  const id = useId();
  return (
    <fieldset aria-labelledby={id} style={{ border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 8 }}>
      <legend id={id} className={styles.meta}>
        {fill(texts.prompt, { key: prompt.key })}
      </legend>
      <div className={styles.row}>
        <Choice label={texts.theme} value={prompt.theme} options={themes} names={texts.themeNames} error={problem(errors, `${at}.theme`)} onChange={(theme) => onChange({ ...prompt, theme })} />
        <Choice label={texts.audience} value={prompt.for} options={audiences} names={texts.audienceNames} error={problem(errors, `${at}.for`)} onChange={(audience) => onChange({ ...prompt, for: audience })} />
        <Choice
          label={texts.when}
          value={prompt.when}
          options={moments}
          names={texts.momentNames}
          error={problem(errors, `${at}.when`)}
          onChange={(when) => onChange({ ...prompt, when, every: when === "EveryNthMeeting" ? (prompt.every ?? 4) : null })}
        />
        {prompt.when === "EveryNthMeeting" && (
          <Field label={texts.every} {...problem(errors, `${at}.every`)}>
            <Input type="number" value={String(prompt.every ?? "")} onChange={(_, data) => onChange({ ...prompt, every: data.value === "" ? null : Number(data.value) })} />
          </Field>
        )}
      </div>
      <TextPair text={prompt.text} at={`${at}.text`} labels={[texts.textNl, texts.textEn]} errors={errors} multiline onChange={(text) => onChange({ ...prompt, text })} />
      {errors[`${at}.key`] && <p className={styles.meta}>{errors[`${at}.key`]!.join(" ")}</p>}
    </fieldset>
  );
}

/** One of a fixed set of values, named in the admin's language. */
function Choice<T extends string>({
  label,
  value,
  options,
  names,
  error,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly T[];
  names: Record<T, string>;
  error: ReturnType<typeof problem>;
  onChange: (value: T) => void;
}) {
  return (
    <Field label={label} {...error}>
      <Select value={value} onChange={(_, data) => onChange(data.value as T)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {names[option]}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function Templates({ templates, texts, errors, onChange }: { templates: AgendaTemplate[]; texts: Texts; errors: FieldErrors; onChange: (templates: AgendaTemplate[]) => void }) {
  const styles = useStyles();
  const change = (index: number, template: AgendaTemplate) => onChange(templates.map((t, i) => (i === index ? template : t)));
  return (
    <section className={styles.section} aria-labelledby="templates">
      <h2 id="templates" className={styles.heading}>
        {texts.templates}
      </h2>
      <p className={styles.muted}>{texts.templatesHelp}</p>
      {templates.length === 0 && <p>{texts.noTemplates}</p>}
      <ul className={styles.list} data-testid="guide-templates">
        {templates.map((template, index) => {
          const at = `guide.templates[${index}]`;
          return (
            <li key={index} className={styles.item} style={{ flexDirection: "column", alignItems: "stretch", padding: 12 }}>
              <fieldset style={{ border: 0, margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: 8 }}>
                <legend className={styles.meta}>{fill(texts.template, { key: template.key })}</legend>
                <Field label={texts.key} {...problem(errors, `${at}.key`)}>
                  <Input value={template.key} onChange={(_, data) => change(index, { ...template, key: data.value })} />
                </Field>
                <TextPair text={template.name} at={`${at}.name`} labels={[texts.nameNl, texts.nameEn]} errors={errors} onChange={(name) => change(index, { ...template, name })} />
                {template.standingItems.map((item, n) => (
                  <div key={n} className={styles.row} style={{ alignItems: "flex-end" }}>
                    <div className={styles.grow}>
                      <TextPair
                        text={item}
                        at={`${at}.standingItems[${n}]`}
                        labels={[`${fill(texts.standingItem, { n: n + 1 })} (NL)`, `${fill(texts.standingItem, { n: n + 1 })} (EN)`]}
                        errors={errors}
                        onChange={(text) => change(index, { ...template, standingItems: template.standingItems.map((s, i) => (i === n ? text : s)) })}
                      />
                    </div>
                    <Button
                      size="small"
                      aria-label={`${texts.remove}: ${fill(texts.standingItem, { n: n + 1 })}`}
                      onClick={() => change(index, { ...template, standingItems: template.standingItems.filter((_, i) => i !== n) })}
                    >
                      {texts.remove}
                    </Button>
                  </div>
                ))}
                <div className={styles.row}>
                  <Button size="small" onClick={() => change(index, { ...template, standingItems: [...template.standingItems, { nl: "", en: "" }] })}>
                    {texts.addStandingItem}
                  </Button>
                  <Button size="small" aria-label={`${texts.remove}: ${fill(texts.template, { key: template.key })}`} onClick={() => onChange(templates.filter((_, i) => i !== index))}>
                    {texts.remove}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <div>
        <Button onClick={() => onChange([...templates, { key: `template-${templates.length + 1}`, name: { nl: "", en: "" }, standingItems: [{ nl: "", en: "" }] }])}>
          {texts.addTemplate}
        </Button>
      </div>
    </section>
  );
}

/** A text in both languages: Dutch and English side by side, each with its own error. */
function TextPair({
  text,
  at,
  labels,
  errors,
  multiline = false,
  onChange,
}: {
  text: GuideText;
  at: string;
  labels: [string, string];
  errors: FieldErrors;
  multiline?: boolean;
  onChange: (text: GuideText) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.row} style={{ alignItems: "flex-start" }}>
      {(["nl", "en"] as const).map((language, i) => (
        <Field key={language} label={labels[i]} className={styles.grow} {...problem(errors, `${at}.${language}`)}>
          {multiline ? (
            <Textarea value={text[language]} rows={2} resize="vertical" onChange={(_, data) => onChange({ ...text, [language]: data.value })} />
          ) : (
            <Input value={text[language]} onChange={(_, data) => onChange({ ...text, [language]: data.value })} />
          )}
        </Field>
      ))}
    </div>
  );
}

function History({ history, current, texts, language, onRestore }: { history: GuideVersion[]; current: number; texts: Texts; language: string; onRestore: (version: number) => void }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby="history">
      <h2 id="history" className={styles.heading}>
        {texts.history}
      </h2>
      {history.length === 0 ? (
        <p className={styles.muted}>{texts.historyEmpty}</p>
      ) : (
        <ol className={styles.list} data-testid="guide-history">
          {history.map((version) => (
            <li key={version.version} className={styles.item} style={{ padding: 8 }}>
              <div className={styles.itemBody}>
                <span>
                  {fill(texts.version, { version: version.version, name: version.changedBy, date: new Date(version.changedUtc).toLocaleString(localeFor(pickLanguage(language), null)) })}
                  {version.version === current && ` (${texts.current})`}
                </span>
                <span className={styles.meta}>{describeChange(version.change, texts)}</span>
              </div>
              {version.version !== current && (
                <Button size="small" onClick={() => onRestore(version.version)}>
                  {fill(texts.restore, { version: version.version })}
                </Button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function ImportButton({ label, onFile }: { label: string; onFile: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => input.current?.click()}>{label}</Button>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        aria-label={label}
        hidden
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = "";
          if (file) {
            onFile(file);
          }
        }}
      />
    </>
  );
}

/** The Field properties that show a field's errors from the API, if it has any. */
function problem(errors: FieldErrors, field: string): { validationState?: "error"; validationMessage?: string } {
  const found = Object.entries(errors).find(([key]) => key.toLowerCase() === field.toLowerCase())?.[1];
  return found ? { validationState: "error", validationMessage: found.join(" ") } : {};
}
