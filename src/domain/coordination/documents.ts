/**
 * Which files a case may hold. The declared type must match the file's own first bytes, so a
 * renamed executable or HTML page cannot ride in as a "PDF" and be served back to a browser.
 */
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

export const DOCUMENT_TYPES = {
  "application/pdf": {
    extension: "pdf",
    matches: (b: Uint8Array) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  "image/png": {
    extension: "png",
    matches: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  "image/jpeg": { extension: "jpg", matches: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]) },
  "text/plain": { extension: "txt", matches: isPlainText },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;
export const DOCUMENT_TYPE_IDS = Object.keys(DOCUMENT_TYPES) as DocumentType[];

export function isDocumentType(value: string): value is DocumentType {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}

/** UTF-8 text without control characters other than tab, newline and carriage return. */
function isPlainText(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  for (const b of bytes) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
  return true;
}

/** A safe file name to store and offer back: no path, no control characters, bounded length. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\p{Cc}"<>|:*?]/gu, "_").trim();
  return (cleaned.length > 0 ? cleaned : "document").slice(0, 200);
}
