import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** One chunk of Vite's build manifest (dist/web/.vite/manifest.json). */
interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleFigure {
  /** "first page" or the route's source module, e.g. "public/ScreeningPage.tsx". */
  name: string;
  files: string[];
  gzipBytes: number;
}

/** A chunk and everything it imports statically: what the browser must load to run it. */
function closure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(manifest, dep, seen);
  return seen;
}

/**
 * Gzip sizes of the JavaScript each page needs, read from Vite's manifest: the entry chunk and
 * its static imports (the first page anyone loads), then per lazily loaded module (each route,
 * the staff shell, each case panel) what it adds on top of the entry. Staff routes also need
 * the staff shell; their figure includes it.
 */
export function measureBundles(webRoot: string): BundleFigure[] {
  const manifest = JSON.parse(
    readFileSync(join(webRoot, ".vite", "manifest.json"), "utf8"),
  ) as Manifest;
  const gzipOf = (keys: Iterable<string>) => {
    let total = 0;
    for (const key of keys) {
      const file = manifest[key]?.file as string;
      if (file.endsWith(".js")) total += gzipSync(readFileSync(join(webRoot, file))).length;
    }
    return total;
  };
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry) as string;
  const entry = closure(manifest, entryKey);
  const shellKey = Object.keys(manifest).find((k) => k.endsWith("staff/StaffShell.tsx"));
  const figures: BundleFigure[] = [
    { name: "first page (entry)", files: [...entry], gzipBytes: gzipOf(entry) },
  ];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isDynamicEntry || key === shellKey) continue;
    const needed = closure(manifest, key);
    if (shellKey && key.includes("/staff/")) closure(manifest, shellKey, needed);
    const added = [...needed].filter((k) => !entry.has(k));
    figures.push({
      name: (chunk.src ?? key).replace(/^src\/web\//, ""),
      files: added,
      gzipBytes: gzipOf(added),
    });
  }
  return figures;
}
