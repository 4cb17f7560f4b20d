/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Where Quick exit sends people (see public/quick-exit.ts); set at build time. */
  readonly VITE_QUICK_EXIT_URL?: string;
}
