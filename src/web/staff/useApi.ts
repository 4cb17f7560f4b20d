import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, api } from "../api/client.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "failed"; error: ApiError };

/**
 * GET a path and hold the answer; `reload` fetches it again. A null path fetches nothing (the
 * user may not read it, so the page does not ask) and stays "loading".
 *
 * With `keepOnReload`, a reload of the same path keeps showing the current answer until the new
 * one arrives, instead of "loading": a page whose forms sit inside the loaded view keeps them
 * mounted after a save, so keyboard focus and the "saved" message are not lost.
 */
export function useApi<T>(
  path: string | null,
  options: { keepOnReload?: boolean } = {},
): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  // The path whose answer is on screen, so a new path never shows the old one's data.
  const shown = useRef<string | null>(null);
  const keepOnReload = options.keepOnReload ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round means fetch again
  useEffect(() => {
    let live = true;
    if (!(keepOnReload && shown.current === path)) {
      shown.current = null;
      setLoaded({ state: "loading" });
    }
    if (path === null) return;
    api
      .get<T>(path)
      .then((data) => {
        if (!live) return;
        shown.current = path;
        setLoaded({ state: "ready", data });
      })
      .catch((e) => {
        if (!live) return;
        shown.current = null;
        setLoaded({
          state: "failed",
          error: e instanceof ApiError ? e : new ApiError(0, "network", String(e)),
        });
      });
    return () => {
      live = false;
    };
  }, [path, round, keepOnReload]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [loaded, reload];
}
