// Where a new model goes and what it starts from, shared by New model and Import: rewrite the workbook's model,
// add a second one or (Import only) replace just its institutions, keeping Rates and every option; the national
// option that seeds Rates, and the candidate option's name (which must not be a name the model already uses).
import { useState } from "react";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { DEFAULT_NATIONAL, LIBRARY } from "../../engine/library";
import { normOption } from "../../engine/normalize";
import { modelSheets } from "../actions/createModel";
import type { ModelInfo } from "../workbook/discover";

export type TargetKind = "replace" | "new" | "institutions";

export interface ModelTarget {
  /** the sheets of the model already in the workbook (none: a new model goes on new sheets) */
  mine: string[];
  target: TargetKind;
  setTarget: (t: TargetKind) => void;
  /** rewrite the existing model's sheets (the whole model, or its institutions only) */
  replace: boolean;
  /** "Replace institutions only" is offered (Import over a complete model) */
  institutionsOffered: boolean;
  /** replace the institutions only: Rates, its rates and options stay as they are */
  institutionsOnly: boolean;
  national: string;
  setNational: (n: string) => void;
  candidate: string;
  setCandidate: (c: string) => void;
}

/** `institutionsOffered`: the caller can replace the institutions only (it is then the default, losing nothing). */
export function useModelTarget(model: ModelInfo | null, institutionsOffered = false): ModelTarget {
  const mine = modelSheets(model);
  const [chosen, setTarget] = useState<TargetKind | null>(null);
  const [national, setNational] = useState(DEFAULT_NATIONAL);
  const [candidate, setCandidate] = useState("Option A");
  const target =
    chosen === "institutions" && !institutionsOffered
      ? "replace"
      : (chosen ?? (institutionsOffered ? "institutions" : "replace"));
  const institutionsOnly = institutionsOffered && target === "institutions";
  const replace = mine.length > 0 && target !== "new";
  return {
    mine,
    target,
    setTarget,
    replace,
    institutionsOffered,
    institutionsOnly,
    national,
    setNational,
    candidate,
    setCandidate,
  };
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
          <RadioGroup value={t.target} onChange={(_, d) => t.setTarget(d.value as TargetKind)}>
            {t.institutionsOffered && (
              <Radio
                value="institutions"
                label="Replace institutions only: keep Rates, every rate you typed and every option; Allocations and Checks are rebuilt for the new rows"
              />
            )}
            <Radio
              value="replace"
              label={`Rewrite its sheets (${t.mine.join(", ")}): the whole model, rates and options start again; you see what would change first`}
            />
            <Radio value="new" label="Add a second model on new sheets" />
          </RadioGroup>
        </Field>
      )}
      {t.institutionsOnly ? null : (
        <>
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
      )}
    </>
  );
}
