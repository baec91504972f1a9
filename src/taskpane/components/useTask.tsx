// Busy / error / notice state for a screen's action, and the bars that show them. Errors are shown in
// full, never swallowed; a declined overwrite is a notice, not an error.
import { useCallback, useState } from "react";
import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { OverwriteDeclined } from "../workbook/confirm";

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function useTask() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(async (fn: () => Promise<string | void>) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const done = await fn();
      if (done) setNotice(done);
    } catch (e) {
      if (e instanceof OverwriteDeclined) setNotice(e.message);
      else setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, notice, run, setError, setNotice };
}

export function TaskStatus({
  busy,
  error,
  notice,
  busyLabel = "Working…",
}: {
  busy: boolean;
  error: string | null;
  notice: string | null;
  busyLabel?: string;
}) {
  return (
    <div aria-live="polite">
      {busy && <Spinner size="tiny" label={busyLabel} />}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Something went wrong</MessageBarTitle>
            <span style={{ whiteSpace: "pre-wrap" }}>{error}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Shown by screens that need parts of the model the workbook lacks. */
export function Missing({ what, onCreate }: { what: string; onCreate?: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        This workbook has no {what} yet.{" "}
        {onCreate && (
          <Link as="button" onClick={onCreate}>
            Create a model
          </Link>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
