import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const outDir = fileURLToPath(new URL("./dist/web", import.meta.url));

/**
 * Writes `.br` and `.gz` beside every text asset, at the highest levels, once at build time:
 * the server sends them to browsers that accept them (@fastify/static `preCompressed`), so a
 * phone on rural signal downloads a quarter of the bytes and the server compresses nothing.
 */
function precompress(): Plugin {
  return {
    name: "waypoint-precompress",
    apply: "build",
    writeBundle(_options, bundle) {
      for (const fileName of [...Object.keys(bundle), "index.html"]) {
        if (!/\.(js|css|html|svg|json)$/.test(fileName) || fileName.startsWith(".vite/")) continue;
        const path = join(outDir, fileName);
        const data = readFileSync(path);
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react(), precompress()],
  // src/web/public holds the public pages' code, not static files to copy: no publicDir.
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // Public pages must load fast on a cheap phone on rural signal; see bench/web.
    target: "es2022",
    // bench/web reads the manifest to find what each page loads.
    manifest: true,
    // Every browser that runs es2022 knows modulepreload: no polyfill in the entry chunk.
    modulePreload: { polyfill: false },
  },
  server: { proxy: { "/api": "http://127.0.0.1:3000", "/healthz": "http://127.0.0.1:3000" } },
});
