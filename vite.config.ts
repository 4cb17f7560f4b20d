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

/**
 * Preloads the landing page's chunk (and what it imports) from index.html: "Get help now" is
 * the page people in a hurry open, and without this its chunk is only requested after the entry
 * has run, one more round trip on a slow link. The other routes stay lazy.
 */
function preloadLandingPage(source: string): Plugin {
  return {
    name: "waypoint-preload-landing",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === "chunk");
        const landing = chunks.find((c) => c.facadeModuleId?.endsWith(source));
        const entry = chunks.find((c) => c.isEntry);
        if (!landing || !entry) return html;
        const already = new Set([entry.fileName, ...entry.imports]);
        const files = [landing.fileName, ...landing.imports].filter((f) => !already.has(f));
        return files.map((file) => ({
          tag: "link",
          attrs: { rel: "modulepreload", href: `/${file}`, crossorigin: "" },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react(), preloadLandingPage("src/web/public/HelpPage.tsx"), precompress()],
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
