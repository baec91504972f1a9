// Pure sheet-layout builders: sheet contents as 2-D arrays with formulas in contract syntax.
export * from "./types";
export * from "./sheetNames";
export * from "./institutions";
export * from "./rates";
export * from "./refs";
export * from "./allocations";
export * from "./compare";
export * from "./fit";
export * from "./checks";
export * from "./projection";
export * from "./sample";
export * from "./model";
export * from "./publish";
export * from "./demand";
export * from "./blocks";
export * from "./planWorkbook";
