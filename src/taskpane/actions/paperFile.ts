// The Schools Forum paper as a file the user opens in a browser and prints from there. Printing inside the task
// pane (window.print) is a modal interaction Office blocks, and does nothing on Mac; Office.context.ui
// .openBrowserWindow only opens http(s) addresses, and the paper exists only in the pane. So the paper's own DOM is
// copied into a standalone HTML document (A4 print rules, no scripts) and saved as "… .html".
// The document is built with DOM calls and serialised; no HTML is assembled from strings.
import { downloadBlob } from "../ports/download";

/** Styles of the standalone paper: readable on screen, A4 portrait in print. */
const PAPER_CSS = `
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #000; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 14pt; }
h3 { font-size: 11pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #999; padding: 2px 4px; text-align: left; }
figure, table, li { break-inside: avoid; }
svg { max-width: 100%; height: auto; }
.no-print { display: none; }
.money { white-space: nowrap; }`;

/** A standalone document holding a copy of `article` under the title `title`. */
export function paperDocument(article: Element, title: string): Document {
  const doc = document.implementation.createHTMLDocument(title);
  const meta = doc.createElement("meta");
  meta.setAttribute("charset", "utf-8");
  doc.head.prepend(meta);
  // the saved file runs nothing: no scripts, no remote content
  const csp = doc.createElement("meta");
  csp.setAttribute("http-equiv", "Content-Security-Policy");
  csp.setAttribute("content", "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  doc.head.appendChild(csp);
  const style = doc.createElement("style");
  style.textContent = PAPER_CSS;
  doc.head.appendChild(style);
  const h1 = doc.createElement("h1");
  h1.textContent = title;
  doc.body.appendChild(h1);
  const copy = doc.importNode(article, true);
  // the pane's own controls (buttons) have no use on paper
  copy.querySelectorAll(".no-print").forEach((e) => e.remove());
  doc.body.appendChild(copy);
  return doc;
}

/** The paper as the text of an .html file. */
export function paperHtml(article: Element, title: string): string {
  return `<!doctype html>\n${new XMLSerializer().serializeToString(paperDocument(article, title).documentElement)}\n`;
}

/** Saves text as a file through the browser's download (Excel on the web, Windows and Mac task panes). */
export function saveTextFile(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}
