/**
 * Which files a case may hold. The declared type must match the file's own first bytes, so a
 * renamed executable or HTML page cannot ride in as a "PDF" and be served back to a browser.
 */
const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  signature.every((b, i) => bytes[offset + i] === b);

export const DOCUMENT_TYPES = {
  "application/pdf": {
    extension: "pdf",
    alsoKnownAs: [],
    matches: (b: Uint8Array) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  },
  "image/png": {
    extension: "png",
    alsoKnownAs: [],
    matches: (b: Uint8Array) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  "image/jpeg": {
    extension: "jpg",
    alsoKnownAs: ["jpeg"],
    matches: (b: Uint8Array) => startsWith(b, [0xff, 0xd8, 0xff]),
  },
  "text/plain": { extension: "txt", alsoKnownAs: [], matches: isPlainText },
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

const MAX_NAME = 200;
const EXTENSION = /\.([A-Za-z0-9]{1,10})$/;

/**
 * The name a document is stored and served under: safe (as above), and ending in the extension
 * of the type its bytes were checked to be. The uploader's extension is kept only when it names
 * that type; otherwise it is replaced (`invoice.exe` holding a JPEG becomes `invoice.jpg`, and
 * `page.html` holding text becomes `page.txt`), or the extension is appended when there is none.
 * A browser or desktop that trusts the extension then opens the file as what it really is.
 */
export function servedFileName(name: string, type: DocumentType): string {
  const { extension, alsoKnownAs } = DOCUMENT_TYPES[type];
  // Trailing dots and spaces are dropped by Windows: "a.exe." would run as "a.exe".
  const safe = safeFileName(name).replace(/[.\s]+$/, "");
  const found = EXTENSION.exec(safe);
  const given = found?.[1]?.toLowerCase();
  const stem = found ? safe.slice(0, found.index) : safe;
  const known: readonly string[] = [extension, ...alsoKnownAs];
  if (given !== undefined && known.includes(given) && stem.trim() !== "") return safe;
  const base = stem.replace(/[.\s]+$/, "").trim() || "document";
  return `${base.slice(0, MAX_NAME - extension.length - 1)}.${extension}`;
}
