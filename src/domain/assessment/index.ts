export { ACTION_CATALOGUE } from "./actions.ts";
export {
  type ActionDetail,
  type Assessment,
  assess,
  ENGINE_VERSION,
  type RationaleEntry,
} from "./engine.ts";
export { type Facts, FactsError, factsSchema, parseFacts, parseFactsJson } from "./facts.ts";
export { INDICATOR_IDS, RED_FLAGS, RISK_FACTORS } from "./indicators.ts";
export * from "./vocabulary.ts";
