// The hostile-input suite (issue 13), small sizes: each input is generated, run through `send-model recalc` in
// a child process, and judged on exit code, message, wall time and peak RSS (generous bounds: the machine is
// shared). `npm run hostile` runs the large sizes and prints the README's results table.
import { INPUTS } from "./inputs";
import { hostileSuite } from "./suite";

hostileSuite(INPUTS);
