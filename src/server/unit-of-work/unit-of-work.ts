import { type Actor, auditContextFor } from "../access/actor.ts";
import { type AuditEntry, appendAudit, appendAuditNow } from "../audit/audit-log.ts";
import type { AppContext } from "../context.ts";
import { AppError } from "../errors.ts";
import { type Repositories, repositoriesFor } from "../repositories/bound.ts";
import type { Scope } from "../repositories/scope.ts";

/** What a unit of work says it did, for its audit row: names of fields, never their values. */
export interface AuditNote {
  recordType?: string;
  recordId?: string;
  fields?: string[];
  detail?: Record<string, string | number | boolean | null>;
}

/** What every unit hands its work, whoever asked: the unit's one time and its audit note. */
export interface UnitBasics {
  readonly now: Date;
  readonly nowIso: string;
  /** Says what was done (record, fields, detail), for the unit's audit row. Later calls add. */
  record(note: AuditNote): void;
  /** One more audit row beside the unit's own (rare: a request that does two audited things). */
  alsoRecord(entry: Omit<AuditEntry, "outcome">): void;
}

/** What a use case is handed: repositories bound to the caller, and the unit's audit note. */
export interface Work extends UnitBasics {
  readonly actor: Actor;
  readonly repos: Repositories;
  /** Marks an error as a refusal: it is audited as denied after the rollback, then thrown. */
  refuse(error: AppError): AppError;
  /** A list read's rows, handed back; its audit row records how many (never which). */
  listed<R>(list: R[]): R[];
}

export interface UnitSpec {
  /** The audit action (`note.create`, `case.read`, …) recorded whichever way the unit ends. */
  action: string;
  recordType?: string;
  recordId?: string;
  /**
   * Only a refusal is audited: for reads of staff data, never of victims' (the agency, staff
   * and task-force directories, the caller's own account; docs/security.md). Such a unit runs
   * in a read-only transaction, which on SQLite takes no write lock, and so cannot write.
   */
  auditRefusalOnly?: boolean;
}

/** The unit's own audit row, as the spec and the use case's notes made it. */
function unitEntry(spec: UnitSpec, note: AuditNote): Omit<AuditEntry, "outcome"> {
  return {
    action: spec.action,
    ...(spec.recordType !== undefined ? { recordType: spec.recordType } : {}),
    ...(spec.recordId !== undefined ? { recordId: spec.recordId } : {}),
    ...note,
  };
}

/**
 * The audit rows a unit's work describes with `record` and `alsoRecord`: the unit's own row
 * (the spec, completed by the notes) and any others. Shared by every kind of unit, so a unit
 * with a caller and one without write their rows the same way.
 */
export function unitAudit(spec: UnitSpec) {
  const note: AuditNote = {};
  const extra: Omit<AuditEntry, "outcome">[] = [];
  return {
    record(n: AuditNote) {
      const detail = { ...note.detail, ...n.detail };
      Object.assign(note, n);
      if (Object.keys(detail).length > 0) note.detail = detail;
    },
    alsoRecord(entry: Omit<AuditEntry, "outcome">) {
      extra.push(entry);
    },
    /** The rows of a unit that did its work. */
    allowedRows(): AuditEntry[] {
      return [
        { ...unitEntry(spec, note), outcome: "allowed" },
        ...extra.map((e) => ({ ...e, outcome: "allowed" as const })),
      ];
    },
    /** The row of a refused unit: its own row only, denied, with the refusal's code. */
    refusedRows(code: string): AuditEntry[] {
      const entry = unitEntry(spec, note);
      return [{ ...entry, outcome: "denied", detail: { ...entry.detail, code } }];
    },
  };
}

/**
 * The one unit of work of a request: one transaction in which the caller's scope and ability
 * are checked (by `check`, before the work), the use case acts through repositories bound to
 * the caller, and the audit row for what was done is appended, so a check can never go stale
 * before the act and there is no change without its audit row. A refusal (an error the check or
 * the use case marked with `refuse`) rolls everything back and is then audited as denied, by
 * this same function, in a transaction of its own. Other errors (bad input, a stale version)
 * roll back unaudited: nothing was done and nothing was refused.
 */
export async function runUnit<T, C>(
  ctx: AppContext,
  actor: Actor,
  spec: UnitSpec,
  check: (w: Work) => Promise<C>,
  work: (w: Work, checked: C) => Promise<T>,
): Promise<T> {
  const refusals = new WeakSet<AppError>();
  const rows = unitAudit(spec);
  const audit = auditContextFor(actor, ctx.clock);
  try {
    return await ctx.db.transact(
      async (trx) => {
        const now = ctx.clock.now();
        const scope: Scope = {
          trx,
          actor,
          keyring: ctx.keyring,
          clock: ctx.clock,
          now,
          nowIso: now.toISOString(),
        };
        const w: Work = {
          actor,
          now,
          nowIso: scope.nowIso,
          repos: repositoriesFor(scope),
          record: rows.record,
          alsoRecord: rows.alsoRecord,
          refuse(error) {
            refusals.add(error);
            return error;
          },
          listed(list) {
            rows.record({ detail: { count: list.length } });
            return list;
          },
        };
        const checked = await check(w);
        const result = await work(w, checked);
        if (spec.auditRefusalOnly) return result;
        await appendAudit(trx, audit, rows.allowedRows());
        return result;
      },
      { readOnly: spec.auditRefusalOnly === true },
    );
  } catch (error) {
    if (error instanceof AppError && refusals.has(error))
      await appendAuditNow(ctx.db, audit, rows.refusedRows(error.code));
    throw error;
  }
}
