// One screen of the pane: a section labelled by its h2 title, so screen readers announce where they are.
import type { ReactNode } from "react";
import { Subtitle2 } from "@fluentui/react-components";

export function Screen(props: { id: string; title: string; className?: string; children?: ReactNode }) {
  const titleId = `${props.id}-title`;
  return (
    <section aria-labelledby={titleId} className={props.className}>
      <Subtitle2 as="h2" block id={titleId}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}
