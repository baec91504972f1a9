// Dotted rate keys ("topup.mainstream.band1") are long words: in a narrow pane they may wrap after a dot.
import { Fragment, type ReactNode } from "react";

/** The text with a line-break opportunity (<wbr>) after each dot that precedes a letter; same text content. */
export function breakable(text: string): ReactNode {
  return text.split(/(?<=\.)(?=[a-z])/i).map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {part}
    </Fragment>
  ));
}
