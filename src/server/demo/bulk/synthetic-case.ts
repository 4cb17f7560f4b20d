import { type Assessment, assess } from "../../../domain/assessment/engine.ts";
import type { Facts } from "../../../domain/assessment/facts.ts";
import { CASE_SOURCES, VENUES } from "../../../domain/catalogues.ts";
import { CASE_OUTCOMES } from "../../../domain/coordination/case-status.ts";
import { MISSISSIPPI_COUNTIES } from "../../../domain/counties.ts";
import {
  deadlineEvents,
  planObligations,
  SPECIALIZED_PLAN_HOURS,
} from "../../../domain/obligations.ts";
import { localYear } from "../../../domain/time.ts";
import { formatCaseNumber } from "../../repositories/intake/case-numbers.ts";
import { sealIdentity } from "../../repositories/person-identity.ts";
import { sealJson, sealOptional, sealText } from "../../repositories/sealed-text.ts";
import type { Keyring } from "../../security/keyring.ts";
import type { BulkDirectory, HoldingAgency } from "./directory.ts";
import type { SeededIds, SeededRandom } from "./seeded-random.ts";
import type { BulkBatch } from "./tables.ts";

const DAY_MS = 86_400_000;
/** Cases arrive over the last 540 days, as in the demo seed. */
const SPAN_DAYS = 540;
const NOT_APPLICABLE_REASONS = [
  "Handled by another agency already (demo)",
  "Does not apply: the person was found to be an adult (demo)",
  "Duplicate of an earlier report (demo)",
];
/** Roles that close a case their agency holds, in the order the loader asks for them. */
const CASE_CLOSERS = ["cps_investigator", "task_force_lead", "victim_advocate"];

export interface SyntheticCaseDeps {
  random: SeededRandom;
  ids: SeededIds;
  keyring: Keyring;
  directory: BulkDirectory;
  names: { given: readonly string[]; family: readonly string[] };
  /** The last case number of each year, advanced as cases are made. */
  caseNumbers: Map<number, number>;
  nowMs: number;
}

type Determination = "sex" | "labor" | "possible";

interface Profile {
  assessment: Assessment;
  factsJson: string;
  resultJson: string;
}

/**
 * Makes one synthetic case as intake would have written it, and what happened to it since: the
 * case and its two people (identity sealed per row with blind indexes, through the same helpers
 * intake uses), the reporter on its team (an advocate too, sometimes), the assessment of its
 * facts by the engine, one obligation per required action with its legal due time, and, the
 * older the case, the more of it done: obligations met or set aside, the case closed with an
 * outcome, each with its timeline event. Jobs are written for the reminders still ahead; those
 * whose time has passed would have run already. The draws follow the demo seed's distribution
 * (agencies, counties, sources, venues, 60 % minors aged 12–17, adults 18–45, three
 * determinations); like the seed, a case stays with the agency that took it in.
 */
export class SyntheticCases {
  readonly #assessments = new Map<string, Profile>();
  readonly #years = new Map<number, number>();
  readonly #nowIso: string;

  constructor(private readonly d: SyntheticCaseDeps) {
    this.#nowIso = new Date(d.nowMs).toISOString();
  }

  add(batch: BulkBatch): void {
    const { random: r, ids, keyring, directory } = this.d;
    const holder = r.pick(directory.holders);
    const reporter = r.pick(holder.reporters);
    const receivedMs = Math.floor(this.d.nowMs - r.float() * SPAN_DAYS * DAY_MS);
    const received = new Date(receivedMs).toISOString();
    const minor = r.chance(0.6);
    const age = minor ? r.int(12, 17) : r.int(18, 45);
    const kind = r.pick<Determination>(["sex", "labor", "possible"]);
    const { assessment, factsJson, resultJson } = this.profileOf(kind, minor, age);
    const source = r.pick(CASE_SOURCES);
    const caseId = ids.next();
    const caseNumber = this.nextCaseNumber(new Date(receivedMs));

    const people: [string, string, Record<string, string>][] = [
      ["victim", ids.next(), { gender: r.pick(["female", "male", "nonbinary"]) }],
      ["suspected_trafficker", ids.next(), {}],
    ];
    for (const [part, personId, extra] of people) {
      const identity = {
        givenName: r.pick(this.d.names.given),
        familyName: r.pick(this.d.names.family),
        // A victim's birth date fits the age intake recorded: caseload search finds people by
        // name and birth date (the name_dob blind index), so a state's data has both.
        ...(part === "victim" ? { birthDate: birthDateFor(receivedMs, age, r.int(1, 360)) } : {}),
      };
      const sealed = sealIdentity(keyring, personId, identity);
      batch.persons.push([
        personId,
        holder.id,
        sealed.given_name,
        sealed.family_name,
        sealed.birth_date,
        sealed.phone,
        sealed.address,
        sealed.name_dob_index,
        sealed.phone_index,
        part === "victim" ? age : null,
        sealOptional(keyring, "persons", "gender", personId, extra.gender),
        null,
        received,
      ]);
      batch.case_persons.push([caseId, personId, part]);
    }
    batch.case_team.push([caseId, reporter, received]);
    const advocate = r.chance(0.3) ? r.pick(directory.advocates) : undefined;
    if (advocate && advocate !== reporter)
      batch.case_team.push([caseId, advocate, this.notAfterNow(receivedMs + DAY_MS)]);
    this.event(batch, caseId, receivedMs, "case_opened", reporter, { source, persons: 2 });

    const assessmentId = ids.next();
    batch.assessments.push([
      assessmentId,
      caseId,
      assessment.engineVersion,
      sealText(keyring, "assessments", "facts", assessmentId, factsJson),
      assessment.determination,
      resultJson,
      received,
      reporter,
    ]);

    const ageDays = (this.d.nowMs - receivedMs) / DAY_MS;
    const closedMs = r.chance(Math.min(0.85, Math.max(0, (ageDays - 30) / 400)))
      ? Math.min(this.d.nowMs, receivedMs + r.int(7, Math.max(7, Math.min(180, ageDays))) * DAY_MS)
      : null;
    const nextDueAt = this.obligations(
      batch,
      { caseId, holder, reporter, receivedMs, closedMs, caseNumber },
      assessment,
    );

    const outcome = closedMs === null ? null : r.pick(CASE_OUTCOMES);
    if (closedMs !== null) {
      const closer = CASE_CLOSERS.map((role) => holder.byRole.get(role)?.[0]).find(Boolean);
      this.event(batch, caseId, closedMs, "case_closed", closer ?? reporter, { outcome });
    }
    const closedAt = closedMs === null ? null : new Date(closedMs).toISOString();
    batch.cases.push([
      caseId,
      caseNumber,
      holder.id,
      r.pick(MISSISSIPPI_COUNTIES).fips,
      closedAt ? "closed" : "open",
      source,
      r.pick(VENUES),
      received,
      assessment.determination,
      closedAt ? 2 : 1,
      received,
      closedAt ?? received,
      closedAt,
      outcome,
      // Intake hands a case to a worker of its agency; a closed case keeps the last one.
      holder.workers.length ? r.pick(holder.workers) : null,
      nextDueAt,
    ]);
  }

  private obligations(
    batch: BulkBatch,
    c: {
      caseId: string;
      holder: HoldingAgency;
      reporter: string;
      receivedMs: number;
      closedMs: number | null;
      caseNumber: string;
    },
    assessment: Assessment,
  ): string | null {
    const { random: r, ids, keyring } = this.d;
    // cases.next_due_at: the earliest due time of an open obligation (repositories/cases/urgency.ts).
    let nextDueAt: string | null = null;
    const receivedAt = new Date(c.receivedMs);
    const received = receivedAt.toISOString();
    const plans = planObligations(assessment.actions, {
      receivedAt,
      intakeAt: receivedAt,
      specializedPlanHours: SPECIALIZED_PLAN_HOURS,
    });
    plans.forEach((plan, n) => {
      const id = ids.next();
      const dueMs = plan.dueAt === null ? null : Date.parse(plan.dueAt);
      const status = this.obligationStatus(c.closedMs !== null, dueMs);
      const owner = plan.owner === "reporter" ? c.reporter : null;
      const closer = owner ?? c.holder.byRole.get(plan.owner)?.[0] ?? c.reporter;
      let closedMs: number | null = null;
      let evidence: string | null = null;
      let reason: string | null = null;
      if (status !== "open") {
        const bound = Math.min(this.d.nowMs, dueMs ?? c.receivedMs + 14 * DAY_MS);
        const span = Math.max(bound - c.receivedMs, 2 * 3_600_000);
        closedMs = Math.min(this.d.nowMs, c.receivedMs + Math.floor(r.float() * span));
        if (status === "done" && r.chance(0.4))
          evidence = sealJson(keyring, "obligations", "evidence", id, {
            reference: `DEMO-${c.caseNumber}-${n + 1}`,
            at: new Date(closedMs).toISOString(),
            recordedBy: closer,
          });
        if (status === "not_applicable")
          reason = sealOptional(
            keyring,
            "obligations",
            "reason",
            id,
            r.pick(NOT_APPLICABLE_REASONS),
          );
        this.event(batch, c.caseId, closedMs, "obligation_closed", closer, {
          obligationId: id,
          status,
        });
      }
      batch.obligations.push([
        id,
        c.caseId,
        plan.actionId,
        plan.owner,
        owner,
        c.holder.id,
        status,
        plan.dueAt,
        received,
        closedMs === null ? null : new Date(closedMs).toISOString(),
        closedMs === null ? null : closer,
        evidence,
        reason,
        status === "open" ? 1 : 2,
      ]);
      if (status === "open" && dueMs !== null) {
        this.pendingJobs(batch, id, receivedAt, dueMs);
        if (plan.dueAt !== null && (nextDueAt === null || plan.dueAt < nextDueAt))
          nextDueAt = plan.dueAt;
      }
    });
    return nextDueAt;
  }

  /** Older duties are mostly met; some past their due time stay open (the overdue queue). */
  private obligationStatus(caseClosed: boolean, dueMs: number | null): string {
    const x = this.d.random.float();
    if (caseClosed) return x < 0.94 ? "done" : x < 0.99 ? "not_applicable" : "open";
    if (dueMs === null) return x < 0.4 ? "done" : "open";
    if (dueMs <= this.d.nowMs) return x < 0.85 ? "done" : x < 0.88 ? "not_applicable" : "open";
    return x < 0.3 ? "done" : "open";
  }

  /** The reminders and escalation still ahead of an open obligation, as intake schedules them. */
  private pendingJobs(batch: BulkBatch, obligationId: string, receivedAt: Date, dueMs: number) {
    for (const event of deadlineEvents(receivedAt, new Date(dueMs))) {
      if (event.at <= this.#nowIso) continue;
      const reminder = event.kind === "obligation.reminder";
      batch.jobs.push([
        this.d.ids.next(),
        event.kind,
        `${reminder ? `${event.kind}.${event.percent}` : event.kind}:${obligationId}`,
        event.at,
        JSON.stringify({ obligationId, ...(reminder ? { percent: event.percent } : {}) }),
        "pending",
        null,
        null,
        0,
        null,
        receivedAt.toISOString(),
        null,
      ]);
    }
  }

  private event(
    batch: BulkBatch,
    caseId: string,
    atMs: number,
    kind: string,
    actor: string | null,
    data: object,
  ): void {
    const at = new Date(atMs).toISOString();
    batch.case_events.push([
      this.d.ids.next(),
      caseId,
      at,
      kind,
      actor,
      JSON.stringify(data),
      null,
      null,
    ]);
  }

  /** The facts and the engine's assessment of them, made once per distinct facts (a few dozen). */
  private profileOf(kind: Determination, minor: boolean, age: number): Profile {
    const key = `${kind}:${minor}:${age}`;
    let profile = this.#assessments.get(key);
    if (profile === undefined) {
      const facts = factsFor(kind, minor, age);
      const assessment = assess(facts);
      const { actions, offenses, nibrs } = assessment;
      profile = {
        assessment,
        // As sealJson and the assessments repository write them.
        factsJson: JSON.stringify(facts),
        resultJson: JSON.stringify({ actions, offenses, nibrs }),
      };
      this.#assessments.set(key, profile);
    }
    return profile;
  }

  private nextCaseNumber(received: Date): string {
    // The local year, asked of Intl once per hour of arrival times.
    const hour = Math.floor(received.getTime() / 3_600_000);
    let year = this.#years.get(hour);
    if (year === undefined) {
      year = localYear(received);
      this.#years.set(hour, year);
    }
    const next = (this.d.caseNumbers.get(year) ?? 0) + 1;
    this.d.caseNumbers.set(year, next);
    return formatCaseNumber(year, next);
  }

  private notAfterNow(ms: number): string {
    return new Date(Math.min(ms, this.d.nowMs)).toISOString();
  }
}

/**
 * Facts that the engine assesses as the seed's three determinations: commercial sex (a minor's
 * needs no means; an adult's needs coercion), labor by force, and a possible case (a minor's
 * sexual act, an adult's commercial sex without known means).
 */
function factsFor(kind: Determination, minor: boolean, age: number): Facts {
  const subject = { age };
  if (kind === "sex")
    return minor
      ? { subject, sex: { act: true, valueExchanged: true } }
      : { subject, sex: { act: true, valueExchanged: true }, means: { coercion: true } };
  if (kind === "labor") return { subject, labor: { performed: true }, means: { force: true } };
  return minor
    ? { subject, sex: { act: true } }
    : { subject, sex: { act: true, valueExchanged: true } };
}

/** A birth date that makes the person `age` on `receivedMs`: `age` years and `daysPast` (1–360) days before. */
function birthDateFor(receivedMs: number, age: number, daysPast: number): string {
  const received = new Date(receivedMs);
  const anniversary = Date.UTC(
    received.getUTCFullYear() - age,
    received.getUTCMonth(),
    Math.min(received.getUTCDate(), 28),
  );
  return new Date(anniversary - daysPast * DAY_MS).toISOString().slice(0, 10);
}
