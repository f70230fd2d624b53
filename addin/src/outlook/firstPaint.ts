// The first view without React: as soon as the pane's data is there, the entry script shows the meeting, its goal and
// the agenda as plain read-only DOM, so the agenda is on screen while React and Fluent UI are still being loaded and
// compiled. React replaces it in one commit when it mounts (App.tsx); until then #root is aria-busy, so assistive
// technology waits for the interactive pane. The classes are styled in taskpane.html to look like Fluent's pane.
// Data goes in as text only (textContent), never as markup.
//
// The dates come one frame after the rest: a tab's first date formatter loads the browser's locale data, 15-35 ms on
// these machines (docs/benchmarks.md, "Time from navigation"), and the agenda should not wait for the header's date.
import { formatDay, formatMeetingTime } from "../core/format";
import { localeFor, pickLanguage, translator } from "../core/i18n";
import type { PaneData } from "../core/types";

export interface FirstViewOptions {
  /** Office's display language (the browser's outside Office): decides the date format with the pane's language. */
  hostTag: string;
  /** Outside Outlook the pane says that it is a preview, first thing. */
  preview: boolean;
}

export function paintFirstView(root: HTMLElement, pane: PaneData, options: FirstViewOptions): void {
  const language = pickLanguage(pane.language);
  const t = translator(language);
  const locale = localeFor(language, options.hostTag);
  const other = pane.participants.find((p) => !p.isMe);
  const dates: Array<() => void> = [];

  const main = element("main", "fv-page");
  if (options.preview) {
    main.append(element("p", "fv-banner", t("previewBanner")));
  }

  const header = element("header");
  const time = element("time");
  time.dateTime = pane.meeting.start;
  dates.push(() => (time.textContent = formatMeetingTime(pane.meeting.start, pane.meeting.end, locale)));
  const meta = element("p", "fv-meta", `${pane.meeting.myRole === "Manager" ? t("roleManager") : t("roleReport")} · `);
  meta.append(time);
  header.append(element("h1", "fv-heading", t("headerWith", { name: other?.displayName ?? "" })), meta);

  const goal = element("section", "fv-section");
  goal.append(
    element("p", "fv-label", t("goalLabel")),
    element("p", pane.meeting.goal ? "fv-field" : "fv-field fv-placeholder", pane.meeting.goal ?? t("goalPlaceholder")),
  );

  const agenda = element("section", "fv-section");
  agenda.append(element("h2", "fv-heading", t("agendaTitle")));
  if (pane.agenda.length === 0) {
    agenda.append(element("p", "fv-muted", t("agendaEmpty")));
  } else {
    const list = element("ol", "fv-list");
    list.dataset.testid = "agenda";
    for (const item of pane.agenda) {
      const body = element("div", "fv-item-body");
      const itemMeta = element("span", "fv-meta", t("agendaAddedBy", { name: item.authorName }));
      const { carriedOverFrom } = item;
      if (item.carriedOver && carriedOverFrom) {
        dates.push(() => itemMeta.append(" ", element("span", "fv-badge", t("agendaCarriedOver", { date: formatDay(carriedOverFrom, locale) }))));
      }
      body.append(element("span", item.discussed ? "fv-discussed" : "", item.text), itemMeta);
      const row = element("li", "fv-item");
      row.append(body);
      list.append(row);
    }
    agenda.append(list);
  }

  main.append(header, goal, agenda);
  document.documentElement.lang = language;
  root.setAttribute("aria-busy", "true");
  root.replaceChildren(main);
  void afterNextPaint().then(() => dates.forEach((show) => show()));
}

/** Resolves once the browser has drawn a frame with what is in the page now. */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
