// What `send-model import` reads at most (raised with --max-bytes, --max-cells, --max-rows). A school list is
// kilobytes to a few MB; these bound what a hostile one can cost. Its own module: main.ts shows the defaults in
// --help without loading the importer.
import { MAX_IMPORT_ROWS } from "../util/csv";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../headless/io/zipGuard";

/**
 * Cells: the model keeps every column of the list, about 2 KB of memory per cell once recalculated (measured: an
 * xlsx of 5,000 rows × 100 columns 1.07 GB; 10,000 × 100 2.3 GB), so 300,000 cells stay well within 1 GB.
 */
export const IMPORT_LIMITS: ZipLimits & { maxRows: number } = {
  maxBytes: DEFAULT_ZIP_LIMITS.maxBytes,
  maxCells: 300_000,
  maxRows: MAX_IMPORT_ROWS,
};

/** A mapping file is a small JSON object: a few KB. */
export const MAPPING_SPEC = { what: "mapping", maxBytes: 1_000_000 };
