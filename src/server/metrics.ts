import { Gauge, Histogram, Registry } from "prom-client";

/**
 * The process's Prometheus metrics, served by GET /metrics when WAYPOINT_METRICS_TOKEN is set
 * (routes/metrics.ts). One registry per process; metrics carry counts and durations only, never
 * anything about a person or a case.
 */
const registry = new Registry();

export const metrics = {
  registry,
  auditUnsealedRows: new Gauge({
    name: "waypoint_audit_unsealed_rows",
    help: "Audit rows appended but not yet sealed into the signed hash chain",
    registers: [registry],
  }),
  auditSealerLagSeconds: new Gauge({
    name: "waypoint_audit_sealer_lag_seconds",
    help: "Age of the oldest unsealed audit row at the sealer's last round (0 when none)",
    registers: [registry],
  }),
  auditSealBatchSeconds: new Histogram({
    name: "waypoint_audit_seal_batch_seconds",
    help: "Duration of one sealer round that sealed rows (one transaction)",
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  }),
};
