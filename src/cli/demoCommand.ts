// `send-model demo [--out DIR]`: the SYNTHETIC demo workbook and its HTML report.
import { writeDemo } from "../demo";
import { progress, type CliIo } from "./io";

export async function runDemo(dir: string, io: CliIo, quiet: boolean): Promise<void> {
  const say = progress(io, quiet);
  const { xlsx, report } = await writeDemo(dir, say);
  io.out(`${xlsx}\n${report}\n`);
}
