// The built-in parameter library: national options as data (OpenFisca style). Every value carries
// its unit, a description and the public page it was checked against, so a rates table generated
// from the library can be audited cell by cell.

export interface LibraryValue {
  /** a rates-table key of the contract (section 2), spelled exactly as there */
  key: string;
  value: number | string;
  unit: string;
  description: string;
  /** https URL of the public page the value comes from */
  source: string;
  /** V = verified at the source; I = inferred arithmetically or carried over from the source's year */
  status: "V" | "I";
  /** for an inferred value: the arithmetic from figures at its source, e.g. "828 + 30.92" */
  derivation?: string;
}

export interface LibraryOption {
  /** the option's column header in a rates table */
  name: string;
  description: string;
  /** the financial year it prices (2025 = 2025-26): written as the option's `year` row */
  fy?: number;
  /** another library option whose values fill this option's gaps */
  inherits?: string;
  values: LibraryValue[];
}
