/**
 * Kept for the callers not yet on the unit of work (manage-service-plan, respond-to-rat-seat):
 * obligations live in repositories/obligations/. Remove once they use `w.repos.obligations`.
 */
export { meetObligation } from "./obligations/obligations.ts";
