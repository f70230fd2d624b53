import type { PaneData } from "../../core/types";
import type { Session } from "../boot";
import type { PaneActions } from "../usePane";
import { Health } from "./Health";
import { MySettings } from "./MySettings";
import { NewActions } from "./NewActions";
import { Notes } from "./Notes";
import { OpenInWord } from "./OpenInWord";
import type { ActionRowContext } from "./PreviousActions";
import { PreviousNotes } from "./PreviousNotes";
import { Prompts } from "./Prompts";
import { ThisSeries } from "./ThisSeries";

// For the action rows of the first view, which load their editor with this chunk (PreviousActions.tsx).
export { default as ActionEditor } from "./ActionEditor";

/** The part of the pane below the first screen, in its own chunk so the agenda shows sooner. */
export default function Details({
  session,
  pane,
  actions,
  actionContext,
  onErased,
}: {
  session: Session;
  pane: PaneData;
  actions: PaneActions;
  actionContext: ActionRowContext;
  onErased: () => void;
}) {
  return (
    <>
      <NewActions pane={pane} onAdd={actions.addAction} context={actionContext} />
      <Prompts pane={pane} onAdd={actions.addPrompt} />
      <Notes api={session.api} pane={pane} />
      {pane.previousMeeting && <PreviousNotes api={session.api} previous={pane.previousMeeting} />}
      <OpenInWord session={session} pane={pane} onImported={() => void actions.reload()} />
      <Health health={pane.health} />
      <ThisSeries pane={pane} onSwapRoles={actions.swapRoles} onChooseTemplate={actions.setTemplate} />
      <MySettings api={session.api} onLanguage={actions.setLanguage} onErased={onErased} />
    </>
  );
}
