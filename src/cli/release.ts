// `send-model forecast --release PATH…`: the DfE release as an officer downloads it — its zip, the folder it
// unpacks to (caseload.csv and newplans.csv, at the top or under data/), or the CSV files themselves. Each file
// is told apart by its header row, so the names may be anything; the zip is checked by the xlsx zip guard first.
import fs from "node:fs";
import { readInputText } from "../headless/io/inputFile";
import path from "node:path";
import JSZip from "jszip";
import { releaseKind } from "../data/ehcp/release";
import { FileProblem } from "../headless/io/files";
import { checkZip, DEFAULT_ZIP_LIMITS } from "../headless/io/zipGuard";

export interface ReleaseTexts {
  caseload: string;
  newPlans?: string;
  names: { caseload: string; newPlans: string };
}

const WANTED = "caseload.csv (plans at each January) and, optionally, newplans.csv";

/** The text of the release's caseload and new-plans files, from the paths given to --release. */
export async function readReleasePaths(paths: readonly string[]): Promise<ReleaseTexts> {
  const found: { name: string; text: string }[] = [];
  for (const p of paths) found.push(...(await filesAt(p)));
  const of = (kind: "caseload" | "newplans") => {
    const hits = found.filter((f) => releaseKind(firstLine(f.text)) === kind);
    if (hits.length > 1)
      throw new FileProblem(`--release: ${hits.map((h) => h.name).join(" and ")} are both the release's ${kind}.csv`);
    return hits[0];
  };
  const caseload = of("caseload"),
    newPlans = of("newplans");
  if (!caseload) {
    const other = found.find((f) => !releaseKind(firstLine(f.text)));
    throw new FileProblem(
      other
        ? `${other.name} is not a file of the DfE release: expected the columns time_period, geographic_level, new_la_code, la_name, breakdown_topic and ehcplans (caseload.csv) or new_ehc_plans (newplans.csv); its header is '${firstLine(other.text).slice(0, 120)}'`
        : `--release ${paths.join(" ")}: no caseload.csv found (expected ${WANTED})`,
    );
  }
  return {
    caseload: caseload.text,
    newPlans: newPlans?.text,
    names: { caseload: caseload.name, newPlans: newPlans?.name ?? "newplans.csv" },
  };
}

/** A whole text file, bounded (a FIFO or /dev/zero refused, not waited on), or a problem naming it. */
export function readText(file: string, what: string): string {
  return readInputText(file, { what, maxBytes: 100_000_000 });
}

function firstLine(text: string): string {
  const end = text.search(/\r?\n/);
  return end < 0 ? text : text.slice(0, end);
}

const isReleaseCsv = (name: string) => /(^|\/)(caseload|newplans)\.csv$/i.test(name);

async function filesAt(p: string): Promise<{ name: string; text: string }[]> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch (e) {
    throw new FileProblem(`cannot read the release ${p}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (stat.isDirectory()) {
    const names = [p, path.join(p, "data")].flatMap((d) =>
      fs.existsSync(d) && fs.statSync(d).isDirectory()
        ? fs
            .readdirSync(d)
            .filter(isReleaseCsv)
            .map((n) => path.join(d, n))
        : [],
    );
    if (names.length === 0) throw new FileProblem(`--release ${p}: the folder holds no ${WANTED}`);
    return names.map((n) => ({ name: n, text: readText(n, "release file") }));
  }
  if (/\.zip$/i.test(p)) {
    const data = fs.readFileSync(p);
    await checkZip(data, p, DEFAULT_ZIP_LIMITS);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(data);
    } catch (e) {
      throw new FileProblem(`cannot read the release ${p}: ${(e as Error).message}`);
    }
    const entries = Object.values(zip.files).filter((f) => !f.dir && isReleaseCsv(f.name));
    if (entries.length === 0) throw new FileProblem(`--release ${p}: the zip holds no ${WANTED}`);
    return Promise.all(entries.map(async (f) => ({ name: `${p}:${f.name}`, text: await f.async("string") })));
  }
  return [{ name: p, text: readText(p, "release file") }];
}
