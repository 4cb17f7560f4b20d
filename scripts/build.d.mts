export function ensureBuilt(
  names: ("server" | "web")[],
  options?: { ifStale?: boolean },
): Promise<void>;
