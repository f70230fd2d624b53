import type { PaneData } from "../../core/types";
import type { Session } from "../boot";
import type { PaneActions } from "../usePane";
import { AgendaTemplate } from "./AgendaTemplate";
import { Health } from "./Health";
import { NewActions } from "./NewActions";
import { Notes } from "./Notes";
import { OpenInWord } from "./OpenInWord";
import { Prompts } from "./Prompts";

/** The part of the pane below the first screen, in its own chunk so the agenda shows sooner. */
export default function Details({ session, pane, actions }: { session: Session; pane: PaneData; actions: PaneActions }) {
  return (
    <>
      <NewActions pane={pane} onAdd={actions.addAction} onDone={actions.setActionDone} />
      <Prompts pane={pane} onAdd={actions.addPrompt} />
      <AgendaTemplate pane={pane} onChoose={actions.setTemplate} />
      <Notes api={session.api} pane={pane} />
      <OpenInWord session={session} pane={pane} />
      <Health health={pane.health} />
    </>
  );
}
