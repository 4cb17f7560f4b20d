export function ensureBuilt(
  names: ("server" | "web")[],
  options?: { ifStale?: boolean; quiet?: boolean },
): Promise<void>;
