// A choice the officer made on a screen (an option, "Pupils from", a budget), kept by the pane for as long as
// it is open: like useState, but the value outlives the screen, so going to Rates and back, or re-running after
// changing one assumption, never resets the others. Keys are "screen.field".
import { useCallback, useState, type Dispatch, type SetStateAction } from "react";
import { usePane } from "../PaneContext";

export function useChoice<T>(key: string, initial: T): [T, Dispatch<SetStateAction<T>>] {
  const { choices } = usePane();
  const [value, setValue] = useState<T>(() => (choices.has(key) ? (choices.get(key) as T) : initial));
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) =>
      setValue((old) => {
        const v = typeof next === "function" ? (next as (o: T) => T)(old) : next;
        choices.set(key, v);
        return v;
      }),
    [choices, key],
  );
  return [value, set];
}
