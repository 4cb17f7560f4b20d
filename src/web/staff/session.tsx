import { createContext, useContext } from "react";
import type { Me } from "../../contract/auth/replies.ts";

/** The signed-in user as GET /api/v1/me describes them; held in memory only. */
export interface Session {
  me: Me;
  /** Fetches /api/v1/me again (after a change of language, say). */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a staff page");
  return session;
}
