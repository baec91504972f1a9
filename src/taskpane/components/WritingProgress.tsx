// How far writing a model has got (New model and Import write whole sheets, a step at a time).
import { Field, ProgressBar } from "@fluentui/react-components";

export interface Progress {
  /** 0..1 */
  value: number;
  /** what is being written now */
  label: string;
}

export function WritingProgress({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  return (
    <Field label="Progress" validationMessage={progress.label} validationState="none">
      <ProgressBar value={progress.value} max={1} aria-label="Writing the model" />
    </Field>
  );
}
