// The explicit confirmation before any existing cell is overwritten: lists the cells, defaults to keeping them.
import { useCallback, useRef, useState, type ReactNode } from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from "@fluentui/react-components";
import type { Confirm } from "../workbook/confirm";

const SHOWN = 12;

export function useConfirmOverwrite(): { confirm: Confirm; dialog: ReactNode } {
  const [addresses, setAddresses] = useState<string[] | null>(null);
  const resolver = useRef<((ok: boolean) => void) | null>(null);
  const confirm = useCallback<Confirm>(
    (cells) =>
      new Promise<boolean>((resolve) => {
        resolver.current = resolve;
        setAddresses(cells);
      }),
    [],
  );
  const answer = (ok: boolean) => {
    resolver.current?.(ok);
    resolver.current = null;
    setAddresses(null);
  };
  const dialog = (
    <Dialog
      open={addresses !== null}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) answer(false);
      }}
    >
      <DialogSurface aria-describedby="overwrite-cells">
        <DialogBody>
          <DialogTitle>
            Overwrite {addresses?.length ?? 0} existing cell{addresses?.length === 1 ? "" : "s"}?
          </DialogTitle>
          <DialogContent id="overwrite-cells">
            <p>These cells already hold something and would be replaced:</p>
            <ul>
              {(addresses ?? []).slice(0, SHOWN).map((a) => (
                <li key={a}>{a}</li>
              ))}
              {(addresses?.length ?? 0) > SHOWN && <li>and {(addresses?.length ?? 0) - SHOWN} more</li>}
            </ul>
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
