import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { it } from "node:test";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(dir, f));
}

/** Every `import … from "x"` / `export … from "x"` of a file, with whether it is type-only. */
function importsOf(file: string): { from: string; typeOnly: boolean }[] {
  const text = readFileSync(join(root, file), "utf8");
  return [...text.matchAll(/^(import|export)(\s+type)?\b[^;]*?\sfrom\s+"([^"]+)";/gms)].map(
    (m) => ({ from: m[3] as string, typeOnly: m[2] !== undefined }),
  );
}

it("src/contract imports only zod, src/domain and itself (the web imports it)", () => {
  const wrong: string[] = [];
  for (const file of sources("src/contract"))
    for (const { from } of importsOf(file)) {
      if (from === "zod") continue;
      const target = relative(root, resolve(root, dirname(file), from));
      if (!from.startsWith(".") || !/^src\/(contract|domain)\//.test(target))
        wrong.push(`${file} imports ${from}`);
    }
  assert.deepEqual(wrong, []);
});

it("the web takes only types from src/contract, so no zod code reaches the browser", () => {
  const wrong: string[] = [];
  for (const file of sources("src/web"))
    for (const { from, typeOnly } of importsOf(file))
      if ((from.includes("/contract/") || from === "zod") && !typeOnly)
        wrong.push(`${file} imports ${from}`);
  assert.deepEqual(wrong, []);
});
