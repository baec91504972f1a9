// What `send-model import` reads at most (raised with --max-bytes, --max-cells, --max-rows). A school list is
// kilobytes to a few MB; these bound what a hostile one can cost. Its own module: main.ts shows the defaults in
// --help without loading the importer.
import { MAX_IMPORT_ROWS } from "../import/csv";
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from "../headless/io/zipGuard";

export const IMPORT_LIMITS: ZipLimits & { maxRows: number } = { ...DEFAULT_ZIP_LIMITS, maxRows: MAX_IMPORT_ROWS };

/** A mapping file is a small JSON object: a few KB. */
export const MAPPING_SPEC = { what: "mapping", maxBytes: 1_000_000 };
