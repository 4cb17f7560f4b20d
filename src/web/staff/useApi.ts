import { useCallback, useEffect, useState } from "react";
import { ApiError, api } from "../api/client.ts";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "ready"; data: T }
  | { state: "failed"; error: ApiError };

/**
 * GET a path and hold the answer; `reload` fetches it again. A null path fetches nothing (the
 * user may not read it, so the page does not ask) and stays "loading".
 */
export function useApi<T>(path: string | null): [Loaded<T>, () => void] {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round means fetch again
  useEffect(() => {
    let live = true;
    setLoaded({ state: "loading" });
    if (path === null) return;
    api
      .get<T>(path)
      .then((data) => live && setLoaded({ state: "ready", data }))
      .catch(
        (e) =>
          live &&
          setLoaded({
            state: "failed",
            error: e instanceof ApiError ? e : new ApiError(0, "network", String(e)),
          }),
      );
    return () => {
      live = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [loaded, reload];
}
