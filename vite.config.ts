import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("./dist/web", import.meta.url)),
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
