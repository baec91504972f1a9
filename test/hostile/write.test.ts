// The `recalc --out` hostile inputs (issue 21), small sizes; `npm run hostile` runs them large.
import { hostileSuite } from "./suite";
import { WRITE_INPUTS } from "./writeInputs";

hostileSuite(WRITE_INPUTS);
