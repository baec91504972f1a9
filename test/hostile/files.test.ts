// The hostile inputs of the file layer and `import` (issue 21), small sizes; `npm run hostile` runs them large.
import { FILE_INPUTS } from "./fileInputs";
import { hostileSuite } from "./suite";

hostileSuite(FILE_INPUTS);
