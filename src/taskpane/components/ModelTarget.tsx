// Where a new model goes and what it starts from, shared by New model and Import: rewrite the workbook's model
// or add a second one, the national option that seeds Rates, and the candidate option's name (which must not be
// a name the model already uses).
import { useState } from "react";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { LIBRARY } from "../../engine/library";
import { normOption } from "../../engine/normalize";
import { modelSheets } from "../actions/createModel";
import type { ModelInfo } from "../workbook/discover";

const DEFAULT_NATIONAL = LIBRARY.find((o) => o.name.includes("2024-25"))?.name ?? LIBRARY[0].name;

export interface ModelTarget {
  /** the sheets of the model already in the workbook (none: a new model goes on new sheets) */
  mine: string[];
  target: "replace" | "new";
  setTarget: (t: "replace" | "new") => void;
  /** rewrite the existing model's sheets */
  replace: boolean;
  national: string;
  setNational: (n: string) => void;
  candidate: string;
  setCandidate: (c: string) => void;
}

export function useModelTarget(model: ModelInfo | null): ModelTarget {
  const mine = modelSheets(model);
  const [target, setTarget] = useState<"replace" | "new">("replace");
  const [national, setNational] = useState(DEFAULT_NATIONAL);
  const [candidate, setCandidate] = useState("Option A");
  const replace = mine.length > 0 && target === "replace";
  return { mine, target, setTarget, replace, national, setNational, candidate, setCandidate };
}

/** Why the candidate's name cannot be used (blank, or one of `reserved`), or undefined. */
export function candidateNameError(candidate: string, reserved: readonly string[]): string | undefined {
  if (candidate.trim() === "") return "Give the candidate option a name.";
  if (reserved.some((r) => normOption(r) === normOption(candidate)))
    return `'${candidate.trim()}' is already used by the model.`;
  return undefined;
}

export function ModelTargetFields(props: { t: ModelTarget; nameError: string | undefined; candidateHint?: string }) {
  const { t, nameError, candidateHint } = props;
  return (
    <>
      {t.mine.length > 0 && (
        <Field label="This workbook already has a model">
          <RadioGroup value={t.target} onChange={(_, d) => t.setTarget(d.value as "replace" | "new")}>
            <Radio
              value="replace"
              label={`Rewrite its sheets (${t.mine.join(", ")}); you confirm any existing cell that would change`}
            />
            <Radio value="new" label="Add a second model on new sheets" />
          </RadioGroup>
        </Field>
      )}
      <Field label="Seed the rates from">
        <Select value={t.national} onChange={(_, d) => t.setNational(d.value)}>
          {LIBRARY.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Candidate option name"
        validationMessage={nameError}
        validationState={nameError ? "error" : "none"}
        hint={candidateHint}
      >
        <Input value={t.candidate} onChange={(_, d) => t.setCandidate(d.value)} />
      </Field>
    </>
  );
}
