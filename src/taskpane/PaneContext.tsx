// What every screen needs: the port, the model found in the workbook, a way to refresh it after a
// change, the overwrite confirmation, navigation between screens and the choices made on them.
import { createContext, useContext } from "react";
import type { WorkbookPort } from "./ports/WorkbookPort";
import type { ModelInfo } from "./workbook/discover";
import type { Confirm } from "./workbook/confirm";

export type ScreenId =
  | "home"
  | "new"
  | "import"
  | "options"
  | "rates"
  | "compare"
  | "fit"
  | "demand"
  | "projection"
  | "plan"
  | "explain"
  | "publish"
  | "paper";

export interface Pane {
  port: WorkbookPort;
  model: ModelInfo | null;
  /** why the model could not be read, if it could not */
  modelError: string | null;
  refresh(): Promise<ModelInfo | null>;
  confirm: Confirm;
  navigate(screen: ScreenId): void;
  /** the officer's choices on each screen, kept while the pane is open (see components/useChoice) */
  choices: Map<string, unknown>;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const p = useContext(PaneContext);
  if (!p) throw new Error("usePane outside PaneContext");
  return p;
}
