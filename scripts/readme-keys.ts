// Prints the factor key catalogue as the Markdown table used in README.md (a test keeps them equal).
import { KEY_CATALOGUE } from "../src/engine/keys";

export function keysMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const rows = KEY_CATALOGUE.map(
    (k) => `| \`${k.key}\` | ${esc(k.description)} | ${esc(k.unit)} | ${esc(k.appliesTo)} | ${k.default ?? ""} |`,
  );
  return ["| key | meaning | unit | applies to | default |", "|---|---|---|---|---|", ...rows].join("\n");
}

if (require.main === module) console.log(keysMarkdown());
