/**
 * The extension point for virus scanning of uploaded documents. Waypoint ships no scanner: a
 * deployment plugs one in (for example a ClamAV daemon over its socket) by setting
 * `AppContext.scanner`. Every stored document records its verdict, so documents taken in before
 * a scanner existed stay identifiable ("not_scanned") and can be scanned later.
 */
export type ScanVerdict = "clean" | "infected" | "not_scanned";

export interface DocumentScanner {
  readonly name: string;
  scan(content: Uint8Array, mediaType: string): Promise<ScanVerdict>;
}

export const NO_SCANNER: DocumentScanner = {
  name: "none",
  scan: async () => "not_scanned",
};
