// The pane's data and every change to it. Each change goes to the server first and the answer replaces the
// local copy, so what is on screen is what is stored; a conflict (someone else was first) reloads the pane.
import { useCallback, useRef, useState } from "react";
import { ApiError, type Api } from "../core/api";
import type { ActionItem, AgendaItem, PaneData } from "../core/types";

export interface PaneActions {
  setGoal(goal: string): Promise<boolean>;
  addAgendaItem(text: string): Promise<boolean>;
  addPrompt(promptKey: string): Promise<boolean>;
  editAgendaItem(item: AgendaItem, text: string): Promise<boolean>;
  setDiscussed(item: AgendaItem, discussed: boolean): Promise<boolean>;
  deleteAgendaItem(item: AgendaItem): Promise<boolean>;
  moveAgendaItem(item: AgendaItem, to: number): Promise<boolean>;
  setActionDone(action: ActionItem, done: boolean): Promise<boolean>;
  /** New text, owner and due date (null: none) of an action, over the version the pane has. */
  editAction(action: ActionItem, change: { text: string; ownerId: string; dueDate: string | null }): Promise<boolean>;
  addAction(text: string, ownerId: string, dueDate: string | null): Promise<boolean>;
  setTemplate(templateKey: string | null): Promise<boolean>;
  swapRoles(): Promise<boolean>;
  /** The person's own language for OneOnOne (null: Office's); the pane is read again in it. */
  setLanguage(language: string | null): Promise<boolean>;
  reload(): Promise<boolean>;
}

export type Problem = { kind: "conflict" } | { kind: "error"; error: unknown };

const replaceById = <T extends { id: string }>(list: T[], item: T) => list.map((x) => (x.id === item.id ? item : x));

/** The pane with the server's answer for one action, wherever the pane shows it. */
const withAction = (changed: ActionItem) => (p: PaneData) => ({ ...p, openActions: replaceById(p.openActions, changed), newActions: replaceById(p.newActions, changed) });

export function usePane(api: Api, initial: PaneData) {
  const [pane, setPane] = useState(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const paneRef = useRef(pane);
  paneRef.current = pane;
  const meetingPath = `/api/meetings/${initial.meeting.id}`;

  const reload = useCallback(async () => {
    const fresh = await api.get<PaneData>(`${meetingPath}/pane`);
    setPane(fresh);
    return true;
  }, [api, meetingPath]);

  /** Runs one change; true when it worked. Failures become the problem banner, never a silent loss. */
  const run = useCallback(
    async (work: () => Promise<(current: PaneData) => PaneData>, refreshAfter = false): Promise<boolean> => {
      try {
        const apply = await work();
        setPane((current) => apply(current));
        setProblem(null);
        if (refreshAfter) {
          // Counts such as the series' health follow from the change; fetch them without blocking the person.
          void reload().catch(() => undefined);
        }
        return true;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          setProblem({ kind: "conflict" });
          await reload().catch(() => undefined);
        } else {
          setProblem({ kind: "error", error });
        }
        return false;
      }
    },
    [reload],
  );

  const actions: PaneActions = {
    setGoal: (goal) =>
      run(async () => {
        const result = await api.send<{ goal: string | null; version: string }>("PUT", `${meetingPath}/goal`, {
          goal,
          version: paneRef.current.meeting.version,
        });
        return (p) => ({ ...p, meeting: { ...p.meeting, goal: result.goal, version: result.version } });
      }),
    addAgendaItem: (text) =>
      run(async () => {
        const item = await api.send<AgendaItem>("POST", `${meetingPath}/agenda`, { text });
        return (p) => ({ ...p, agenda: [...p.agenda, item] });
      }),
    addPrompt: (promptKey) =>
      run(async () => {
        const item = await api.send<AgendaItem>("POST", `${meetingPath}/agenda/prompts`, { promptKey });
        return (p) => ({ ...p, agenda: [...p.agenda, item] });
      }),
    editAgendaItem: (item, text) =>
      run(async () => {
        const changed = await api.send<AgendaItem>("PATCH", `${meetingPath}/agenda/${item.id}`, { text, version: item.version });
        return (p) => ({ ...p, agenda: replaceById(p.agenda, changed) });
      }),
    setDiscussed: (item, discussed) =>
      run(async () => {
        const changed = await api.send<AgendaItem>("PUT", `${meetingPath}/agenda/${item.id}/discussed`, { discussed, version: item.version });
        return (p) => ({ ...p, agenda: replaceById(p.agenda, changed) });
      }),
    deleteAgendaItem: (item) =>
      run(async () => {
        await api.send<void>("DELETE", `${meetingPath}/agenda/${item.id}`);
        return (p) => ({ ...p, agenda: p.agenda.filter((x) => x.id !== item.id) });
      }),
    moveAgendaItem: async (item, to) => {
      const before = paneRef.current.agenda;
      const order = before.filter((x) => x.id !== item.id);
      order.splice(Math.max(0, Math.min(to, order.length)), 0, item);
      // Moving shows at once; the server's answer (or a reload on failure) settles it.
      setPane((p) => ({ ...p, agenda: order }));
      const ok = await run(async () => {
        const items = await api.send<AgendaItem[]>("PUT", `${meetingPath}/agenda/order`, { itemIds: order.map((x) => x.id) });
        return (p) => ({ ...p, agenda: items });
      });
      if (!ok) {
        setPane((p) => ({ ...p, agenda: before }));
      }
      return ok;
    },
    setActionDone: (action, done) =>
      run(async () => {
        const changed = done
          ? await api.send<ActionItem>("POST", `/api/actions/${action.id}/complete`, { meetingId: initial.meeting.id, version: action.version })
          : await api.send<ActionItem>("POST", `/api/actions/${action.id}/reopen`, { version: action.version });
        return withAction(changed);
      }, true),
    editAction: (action, { text, ownerId, dueDate }) =>
      run(async () => {
        const changed = await api.send<ActionItem>("PATCH", `/api/actions/${action.id}`, {
          version: action.version,
          text,
          ownerId,
          dueDate,
          clearDueDate: dueDate === null,
        });
        return withAction(changed);
      }, true),
    addAction: (text, ownerId, dueDate) =>
      run(async () => {
        const action = await api.send<ActionItem>("POST", `/api/series/${initial.meeting.seriesId}/actions`, {
          text,
          ownerId,
          dueDate,
          meetingId: initial.meeting.id,
        });
        return (p) => ({ ...p, newActions: [...p.newActions, action] });
      }, true),
    setTemplate: (templateKey) =>
      run(async () => {
        const result = await api.send<{ templateKey: string | null; version: string }>("PUT", `/api/series/${initial.meeting.seriesId}/template`, {
          templateKey,
          version: paneRef.current.meeting.seriesVersion,
        });
        return (p) => ({ ...p, templateKey: result.templateKey, meeting: { ...p.meeting, seriesVersion: result.version } });
      }),
    swapRoles: () =>
      run(async () => {
        await api.send("POST", `/api/series/${initial.meeting.seriesId}/swap-roles`, { version: paneRef.current.meeting.seriesVersion });
        const fresh = await api.get<PaneData>(`${meetingPath}/pane`);
        return () => fresh;
      }),
    setLanguage: (language) =>
      run(async () => {
        await api.send("PUT", "/api/me/language", { language });
        const fresh = await api.get<PaneData>(`${meetingPath}/pane`);
        return () => fresh;
      }),
    reload: () => run(async () => {
      const fresh = await api.get<PaneData>(`${meetingPath}/pane`);
      return () => fresh;
    }),
  };

  /** Reads the pane again without a word to the person (a live update); a failure waits for the next one. */
  const refresh = useCallback(() => void reload().catch(() => undefined), [reload]);

  return { pane, problem, dismissProblem: () => setProblem(null), actions, refresh };
}
