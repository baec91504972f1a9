// A binary file given as a CSV (a PNG renamed .csv, a PDF, a legacy .xls): one clear line, never a page of
// mojibake parsed as rows. Known signatures first; else many control characters in the first 4 KB. NUL bytes
// are left to the text decoder (UTF-16 text has them).

const SIGNATURES: { kind: string; bytes: number[] }[] = [
  { kind: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { kind: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: "a PDF document", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: "a legacy Office file (.xls or .doc) or a password-protected workbook", bytes: [0xd0, 0xcf, 0x11, 0xe0] },
  { kind: "a gzip archive", bytes: [0x1f, 0x8b] },
  { kind: "a 7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: "a RAR archive", bytes: [0x52, 0x61, 0x72, 0x21] },
];

/** What a file's bytes are when they are not text ("a PNG image", "binary data"), or null for text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const s of SIGNATURES) if (s.bytes.every((b, i) => bytes[i] === b)) return s.kind;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b !== 0 && b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return n > 0 && control / n > 0.02 ? "binary data, not text" : null;
}
