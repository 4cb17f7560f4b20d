/**
 * `npm run bench -- <name>`: runs one benchmark and prints its figures and ratios. Figures are
 * reported, never asserted in tests: this machine is shared and noisy.
 */
const BENCHES: Record<
  string,
  { summary: string; load: () => Promise<{ run(args: string[]): Promise<void> }> }
> = {
  assess: {
    summary: "assessments per second (engine) and CLI start-to-answer time",
    load: () => import("./assess.ts"),
  },
  intake: {
    summary:
      "intake latency (SQLite) and GET /api/v1/cases/:id under 50 clients at 1k and 100k cases",
    load: () => import("./intake.ts"),
  },
  healthz: {
    summary: "GET /healthz on Waypoint vs a bare node:http server (autocannon), req/s ratio",
    load: () => import("./healthz.ts"),
  },
  web: {
    summary:
      "gzip JS of the first page and each route (Vite manifest), Lighthouse mobile LCP/TBT/a11y",
    load: () => import("./web.ts"),
  },
  "audited-read": {
    summary: "GET /api/v1/cases/:id (audited) vs /healthz on one SQLite server, 20 clients, ratio",
    load: () => import("./audited-read.ts"),
  },
  sealer: {
    summary:
      "audit sealer lag p50/p99 and rows sealed/s under steady concurrent appends, then verify",
    load: () => import("./sealer.ts"),
  },
  scale: {
    summary:
      "GET /api/v1/cases/:id on SQLite, PostgreSQL and two PostgreSQL servers; round trips per hot path (--round-trips)",
    load: () => import("./scale.ts"),
  },
  "case-page": {
    summary:
      "case page API (GET /cases/:id and its panels) under 50 clients at 10k and 1M cases, p95 ratio",
    load: () => import("./case-page.ts"),
  },
  queues: {
    summary:
      "every list and queue per role at 10k and 100k cases, one client: p50/p95, ratio, queries, stall",
    load: () => import("./queues.ts"),
  },
  caseload: {
    summary:
      "caseload search and filters and My work (200 obligations) at 10k and 100k cases, 50 users: p95, queries",
    load: () => import("./caseload.ts"),
  },
  "read-case": {
    summary: "read one case by id through the data layer vs a raw prepared statement, 100k cases",
    load: () => import("./read-case.ts"),
  },
};

const [name, ...args] = process.argv.slice(2);
const bench = name ? BENCHES[name] : undefined;
if (!bench) {
  process.stderr.write(
    `usage: npm run bench -- <name>\n${Object.entries(BENCHES)
      .map(([n, b]) => `  ${n.padEnd(10)} ${b.summary}`)
      .join("\n")}\n`,
  );
  process.exit(name ? 2 : 0);
}
await (await bench.load()).run(args);
