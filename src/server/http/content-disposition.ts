/**
 * `Content-Disposition: attachment` for a download, with the name in both parameters (RFC 6266):
 * `filename*` carries it exactly, percent-encoded as UTF-8 (RFC 8187, so `'`, `(`, `)` and `*`
 * are encoded too); `filename` is the fallback for clients that only read that one, reduced to
 * printable ASCII without quotes, backslashes, semicolons or percent signs, so it cannot end the
 * quoted string, add a parameter, or be percent-decoded into something else.
 */
export function attachmentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\;%]/g, "_");
  return `attachment; filename*=UTF-8''${encoded}; filename="${fallback}"`;
}
