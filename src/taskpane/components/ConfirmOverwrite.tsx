// The explicit confirmation before any existing cell is overwritten. It says in words what would change (each
// sheet's cells, rows and columns by their header, and every option the write would delete or rename, by name);
// the cell addresses are only the detail underneath. It defaults to keeping the cells.
import { useCallback, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { colLetters, parseCellOrThrow, splitRef } from "../../util/a1";
import {
  optionSentence,
  sheetSentence,
  summariseOverwrite,
  type OverwriteSheetContext,
  type OverwriteSummary,
} from "../../model/overwriteWords";
import type { WorkbookPort } from "../ports/WorkbookPort";
import type { ModelInfo } from "../workbook/discover";
import type { Confirm } from "../workbook/confirm";

const SHOWN = 12;

/** Each affected sheet's header row (and the rates table's options), read just before asking. */
async function contextFor(
  port: WorkbookPort,
  model: ModelInfo | null,
  addresses: readonly string[],
): Promise<Record<string, OverwriteSheetContext>> {
  const right = new Map<string, number>();
  for (const a of addresses) {
    const { sheet = "", range } = splitRef(a);
    right.set(sheet, Math.max(right.get(sheet) ?? 1, parseCellOrThrow(range).col));
  }
  const out: Record<string, OverwriteSheetContext> = {};
  for (const [sheet, cols] of right) {
    const row = (await port.readValues(sheet, `A1:${colLetters(cols)}1`))[0] ?? [];
    const header = row.map((v) => (typeof v === "string" || typeof v === "number" ? String(v) : ""));
    const options = model?.rates?.sheet.toLowerCase() === sheet.toLowerCase() ? model.rates.options : undefined;
    out[sheet] = { header, options };
  }
  return out;
}

/** The summary in words, also for other places that describe an overwrite (e.g. a notice after declining). */
export async function describeOverwrite(
  port: WorkbookPort,
  model: ModelInfo | null,
  addresses: readonly string[],
): Promise<OverwriteSummary> {
  let ctx: Record<string, OverwriteSheetContext> = {};
  try {
    ctx = await contextFor(port, model, addresses);
  } catch {
    // headers are only for naming columns: without them the columns are named by letter
  }
  return summariseOverwrite(addresses, ctx);
}

export function useConfirmOverwrite(
  port: WorkbookPort,
  modelNow: () => ModelInfo | null,
): { confirm: Confirm; dialog: ReactNode } {
  const [asked, setAsked] = useState<{ addresses: string[]; summary: OverwriteSummary } | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback<Confirm>(
    async (cells) => {
      const summary = await describeOverwrite(port, modelNow(), cells);
      return new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAsked({ addresses: cells, summary });
      });
    },
    [port, modelNow],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAsked(null);
  };
  const addresses = asked?.addresses ?? [];
  const summary = asked?.summary;
  const sheets = summary?.sheets.length ?? 0;
  const dialog = (
    <Dialog
      open={asked !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) answer(false);
      }}
    >
      <DialogSurface aria-describedby="overwrite-cells" style={{ maxWidth: "calc(100vw - 24px)" }}>
        <DialogBody>
          <DialogTitle>
            Overwrite {addresses.length} existing cell{addresses.length === 1 ? "" : "s"}?
          </DialogTitle>
          <DialogContent id="overwrite-cells" style={{ overflowWrap: "anywhere" }}>
            {summary && summary.options.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <ul aria-label="Options affected" style={{ margin: 0, paddingLeft: 16 }}>
                    {summary.options.map((o) => (
                      <li key={o.sheet + o.name}>{optionSentence(o)}</li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
            <p>{sheets === 1 ? "One sheet holds" : `${sheets} sheets hold`} something that would be replaced:</p>
            <ul aria-label="What would change">
              {(summary?.sheets ?? []).map((s) => (
                <li key={s.sheet}>{sheetSentence(s)}</li>
              ))}
            </ul>
            <details>
              <summary>The cells</summary>
              <p>
                {addresses.slice(0, SHOWN).join(", ")}
                {addresses.length > SHOWN ? ` and ${addresses.length - SHOWN} more` : ""}
              </p>
            </details>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={() => answer(false)}>
              Keep existing cells
            </Button>
            <Button appearance="primary" onClick={() => answer(true)}>
              Overwrite
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { confirm, dialog };
}
