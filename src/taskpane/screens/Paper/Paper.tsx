// The Schools Forum paper: what each option changes (in words, against its parent), the totals and comparisons,
// how the fitting was done, the projection's assumptions and its balances by year (from the Projection sheet).
// "Save the paper to print" writes it as an HTML file to open in a browser and print (actions/paperFile.ts: Office
// blocks window.print in a task pane). The print
// styles below still give A4 portrait if the page is printed where printing is allowed (the browser preview).
import { useEffect, useRef, useState } from "react";
import {
  Button,
  makeStaticStyles,
  makeStyles,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { usePane } from "../../PaneContext";
import { Screen } from "../../components/Screen";
import { Missing, TaskStatus, useTask } from "../../components/useTask";
import { gatherPaper, type PaperData } from "../../actions/paper";
import { paperHtml, saveTextFile } from "../../actions/paperFile";
import { formatPercent } from "../../numbers";
import { BarChart } from "../../components/BarChart";
import { LineChart } from "../../components/LineChart";
import { Money } from "../../components/Money";
import { BalancesTable } from "../../components/BalancesTable";
import { changeSentence, valueInWords } from "../../../model/optionChanges";
import { fitMethodText } from "../../../model/paperText";

// print only the paper: every other part of the page (tabs, the preview grid) is hidden
const usePrintStyles = makeStaticStyles(`
@page { size: A4 portrait; margin: 14mm 12mm; }
@media print {
  body * { visibility: hidden; }
  .send-paper, .send-paper * { visibility: visible; }
  .send-paper { position: absolute; left: 0; top: 0; width: 100%; font-size: 10pt; }
  .send-paper .no-print { display: none; }
  .send-paper h3 { break-after: avoid; }
  .send-paper figure, .send-paper table, .send-paper li { break-inside: avoid; }
}`);

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  n: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  scroll: { overflowX: "auto" },
});

export function Paper() {
  usePrintStyles();
  const styles = useStyles();
  const { port, model, navigate } = usePane();
  const [paper, setPaper] = useState<PaperData | null>(null);
  const task = useTask();
  const { run } = task;
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    if (model?.rates)
      void run(async () => {
        setPaper(await gatherPaper(port, model));
      });
  }, [port, model, run]);

  if (!model?.rates)
    return (
      <Screen id="paper" title="Schools Forum paper">
        <Missing what="rates table" onCreate={() => navigate("new")} />
      </Screen>
    );
  const when = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

  return (
    <Screen id="paper" title="Schools Forum paper" className="send-paper">
      <Button
        className="no-print"
        appearance="primary"
        disabled={!paper}
        onClick={() => {
          if (!article.current) return;
          const title = `Schools Forum paper: SEND high needs funding options, ${when}`;
          saveTextFile(paperHtml(article.current, title), `Schools Forum paper ${when}.html`, "text/html");
        }}
      >
        Save the paper to print
      </Button>
      <Text as="p" block className="no-print">
        Saves the paper as a web page: open it in your browser and print it (A4 portrait).
      </Text>
      <TaskStatus {...task} busyLabel="Reading the workbook…" />
      {paper && (
        <article aria-label="Paper" ref={article}>
          <Text as="p" block>
            SEND high needs funding options, {when}. {paper.institutions} institutions. Every figure is read from the
            workbook.
          </Text>

          <Subtitle2 as="h3" block>
            The options
          </Subtitle2>
          <Table size="extra-small" className={styles.table} aria-label="Options and totals">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Option</TableHeaderCell>
                <TableHeaderCell>Starts from</TableHeaderCell>
                <TableHeaderCell className={styles.n}>Total</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {paper.options.map((o) => (
                <TableRow key={o.option}>
                  <TableCell>{o.option}</TableCell>
                  <TableCell>{o.inherits ?? "—"}</TableCell>
                  <TableCell className={styles.n}>
                    {o.total === null ? "has errors" : <Money value={o.total} />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {paper.options.some((o) => o.total !== null) && (
            <BarChart
              title="Total allocated by option"
              valueTitle="Total (£ a year)"
              items={paper.options.filter((o) => o.total !== null).map((o) => ({ label: o.option, value: o.total! }))}
            />
          )}

          <Subtitle2 as="h3" block>
            What each option changes
          </Subtitle2>
          {paper.changes.map((c) => (
            <div key={c.option}>
              <Text as="p" block weight="semibold">
                {c.option}
                {c.inherits ? ` (starts from ${c.inherits})` : ""}
              </Text>
              {c.changes.length === 0 ? (
                <Text as="p" block>
                  No changes: every rate is the same as {c.inherits ?? "the national rates"}.
                </Text>
              ) : (
                <ul aria-label={`Changes in ${c.option}`}>
                  {c.changes.map((x) => (
                    <li key={x.key}>{changeSentence(x)}</li>
                  ))}
                </ul>
              )}
            </div>
          ))}

          {paper.comparisons.length > 0 && (
            <Subtitle2 as="h3" block>
              Winners and losers
            </Subtitle2>
          )}
          {paper.comparisons.map(({ sheet, summary: s }) => (
            <Text as="p" block key={sheet}>
              {s.b} against {s.a}: {s.gaining} gain, {s.losing} lose, {s.unchanged} unchanged
              {s.total && (
                <>
                  ; total <Money value={s.total.a} /> → <Money value={s.total.b} /> ({formatPercent(s.total.change)})
                </>
              )}
              . Sheet {sheet}.
            </Text>
          ))}

          {paper.fits.length > 0 && (
            <Subtitle2 as="h3" block>
              Fitting to the budget
            </Subtitle2>
          )}
          {paper.fits.map((f) => (
            <Text as="p" block key={f.header}>
              {f.option} fitted to <Money value={f.budget} />
              {f.floor !== null ? `, no institution losing more than ${formatPercent(Math.abs(f.floor))}` : ""}
              {f.cap !== null ? `, gains capped at ${formatPercent(f.cap)}` : ""}
              {f.baseline ? ` against ${f.baseline}` : ""}: before fitting <Money value={f.before} />, after{" "}
              <Money value={f.fitted} />.
            </Text>
          ))}
          {paper.fits.length > 0 && (
            <Text as="p" block>
              {fitMethodText(paper.fits[0].baseline)}
            </Text>
          )}

          {paper.assumptions && (
            <>
              <Subtitle2 as="h3" block>
                Projection assumptions
              </Subtitle2>
              <Table size="extra-small" className={styles.table} aria-label="Projection assumptions">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Assumption</TableHeaderCell>
                    {paper.assumptions.plans.map((p) => (
                      <TableHeaderCell key={p} className={styles.n}>
                        {p}
                      </TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {paper.assumptions.rows.map((r) => (
                    <TableRow key={r.key}>
                      <TableCell>{r.label}</TableCell>
                      {r.values.map((v, i) => (
                        <TableCell key={i} className={styles.n}>
                          {valueInWords(v, r.unit)}
                        </TableCell>
                      ))}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}

          <Balances paper={paper} onMake={() => navigate("projection")} onPlan={() => navigate("plan")} />
        </article>
      )}
    </Screen>
  );
}

/** The projected balances by year from the Projection sheet, or why there are none and how to make them. */
function Balances({ paper, onMake, onPlan }: { paper: PaperData; onMake: () => void; onPlan: () => void }) {
  const styles = useStyles();
  const b = paper.balances;
  return (
    <>
      <Subtitle2 as="h3" block>
        {b?.source === "plan" ? "Projected DSG balance" : "Projected high needs balance"}
      </Subtitle2>
      {!b ? (
        <>
          <Text as="p" block>
            This workbook has no Projection sheet, so the paper shows no projected balances. To make one, open
            Projection in this pane, fill in the unmitigated and mitigated assumptions and choose Write assumptions and
            projection; then open this paper again.
          </Text>
          <Button className="no-print" onClick={onMake}>
            Open Projection
          </Button>
        </>
      ) : (
        <>
          {b.source === "plan" ? (
            <Text as="p" block>
              The DSG balance carried forward at the end of each financial year, every block together (a deficit is
              negative), read from sheet {b.sheet} of the deficit management plan. Risk-adjusted weights each
              mitigation&apos;s savings by its owner&apos;s confidence and counts its costs in full (Mitigations sheet),
              so it is never better than the mitigated balance.
            </Text>
          ) : (
            <Text as="p" block>
              The cumulative high needs balance at the end of each financial year (a deficit is negative), read from
              SEND.PROJECT on sheet {b.sheet}.
            </Text>
          )}
          <div className={styles.scroll}>
            <BalancesTable balances={b} label="Projected balances" />
          </div>
          <LineChart
            title={
              b.source === "plan" ? "Projected DSG balance carried forward" : "Projected cumulative high needs balance"
            }
            valueTitle="Balance at the end of the year (£)"
            categories={b.years}
            series={b.lines}
          />
          {b.source === "projection" && (
            <Text as="p" block>
              No risk-adjusted line: a risk-adjusted balance weights each mitigation&apos;s savings by how confident its
              owner is and counts its costs in full, and this workbook has no mitigations log to give those confidences,
              so there is no such figure to read. Build the deficit management plan (the Plan screen of this pane, or
              send-model plan): its Mitigations tab gives the risk-adjusted balance, and this paper then reads the
              plan&apos;s balances.
            </Text>
          )}
          {b.source === "projection" && (
            <Button className="no-print" onClick={onPlan}>
              Open Plan
            </Button>
          )}
        </>
      )}
    </>
  );
}
