import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import {
  DOCUMENT_TYPE_IDS,
  DOCUMENT_TYPES,
  servedFileName,
} from "../../src/domain/coordination/documents.ts";
import { attachmentDisposition } from "../../src/server/http/content-disposition.ts";

describe("served document names (issue 10, defect 10)", () => {
  it("replace or append the extension of the detected type", () => {
    assert.equal(servedFileName("invoice.exe", "image/jpeg"), "invoice.jpg");
    assert.equal(servedFileName("logo.svg", "text/plain"), "logo.txt");
    assert.equal(servedFileName("page.HTML", "text/plain"), "page.txt");
    assert.equal(servedFileName("scan.PDF", "application/pdf"), "scan.PDF");
    assert.equal(servedFileName("photo.jpeg", "image/jpeg"), "photo.jpeg");
    assert.equal(servedFileName("notes", "text/plain"), "notes.txt");
    assert.equal(servedFileName("Report v1.2 final", "application/pdf"), "Report v1.2 final.pdf");
    assert.equal(servedFileName("run.exe. . ", "image/png"), "run.png");
    assert.equal(servedFileName(".htaccess", "text/plain"), "document.txt");
    assert.equal(servedFileName(".txt", "text/plain"), "document.txt");
    assert.equal(servedFileName("../../x.pdf.exe", "application/pdf"), "x.pdf.pdf");
  });

  it("always end in an extension of the type, stay bounded, and are stable", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...DOCUMENT_TYPE_IDS), (n, t) => {
        const served = servedFileName(n, t);
        const { extension, alsoKnownAs } = DOCUMENT_TYPES[t];
        const ext = served.slice(served.lastIndexOf(".") + 1).toLowerCase();
        assert.ok(([extension, ...alsoKnownAs] as string[]).includes(ext), served);
        assert.ok(served.length <= 200 && !/[\\/\p{Cc}]/u.test(served));
        assert.equal(servedFileName(served, t), served);
      }),
    );
  });

  it("Content-Disposition carries the name safely in both parameters", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (n) => {
        const header = attachmentDisposition(servedFileName(n, "text/plain"));
        const match =
          /^attachment; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+); filename="([^"\\]*)"$/.exec(
            header,
          );
        assert.ok(match, header);
        assert.ok(/^[\x20-\x7e]*$/.test(match[2] as string) && !/[;%]/.test(match[2] as string));
        assert.equal(decodeURIComponent(match[1] as string), servedFileName(n, "text/plain"));
      }),
    );
  });
});
