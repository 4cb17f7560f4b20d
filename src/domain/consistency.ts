import { AGE_OF_MAJORITY, isMinorAge } from "./minor.ts";

/**
 * Consistency checks between what intake and the case file record (issue 13): an age that
 * disagrees with the birth date or with the screening, a plan item that ends before it starts.
 * Pure: the server enforces them (naming the exact field) and the web asks them before sending,
 * so a person reads the same problem, in plain words, next to the field either way.
 */
export type ConsistencyRule =
  | "birth_date_in_future"
  | "age_disagrees_with_birth_date"
  | "age_disagrees_with_screening"
  | "minority_disagrees_with_screening"
  | "ends_before_start";

export interface ConsistencyProblem {
  /** Dotted path of the field to fix, e.g. `persons.0.ageYears`. */
  field: string;
  rule: ConsistencyRule;
  /** Plain words, English (the web translates by `rule` and `params`). */
  message: string;
  params: Record<string, number | string>;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole years between a birth date and a day, both YYYY-MM-DD (a birthday counts on the day). */
export function ageOn(birthDate: string, day: string): number {
  const b = ISO_DATE.exec(birthDate);
  const d = ISO_DATE.exec(day);
  if (!b || !d) throw new RangeError("dates must be YYYY-MM-DD");
  const years = Number(d[1]) - Number(b[1]);
  const beforeBirthday = `${d[2]}-${d[3]}` < `${b[2]}-${b[3]}`;
  return beforeBirthday ? years - 1 : years;
}

export interface PersonAges {
  part: string;
  birthDate?: string | undefined;
  ageYears?: number | undefined;
}

/**
 * The person's birth date and stated age against each other, on the day the report was received
 * (`receivedOn`, YYYY-MM-DD in Mississippi): a person cannot be born after it, and a stated age
 * must be the age the birth date gives on that day.
 */
export function personAgeProblems(
  person: PersonAges,
  receivedOn: string,
  prefix: string,
): ConsistencyProblem[] {
  if (person.birthDate === undefined) return [];
  if (person.birthDate > receivedOn)
    return [
      {
        field: `${prefix}.birthDate`,
        rule: "birth_date_in_future",
        message: "The birth date is after the day the report was received.",
        params: {},
      },
    ];
  const age = ageOn(person.birthDate, receivedOn);
  if (person.ageYears !== undefined && person.ageYears !== age)
    return [
      {
        field: `${prefix}.ageYears`,
        rule: "age_disagrees_with_birth_date",
        message: `This age does not match the birth date: on the day the report was received the person was ${age}.`,
        params: { age },
      },
    ];
  return [];
}

/** The person's age as known: stated, or from the birth date on the day of the report. */
export function knownAge(person: PersonAges, receivedOn: string): number | undefined {
  if (person.ageYears !== undefined) return person.ageYears;
  if (person.birthDate !== undefined && person.birthDate <= receivedOn)
    return ageOn(person.birthDate, receivedOn);
  return undefined;
}

export interface ScreenedSubject {
  age?: number | null | undefined;
  ageGroup?: "minor" | "adult" | null | undefined;
}

/**
 * The victims' ages against the screening's subject: the screening is about one victim, so when
 * victims with a known age were recorded, one of them must be the age the screening recorded
 * (and a minor when it said minor, an adult when it said adult: a minor is under 18, Miss. Code
 * § 97-3-54.4(k)). The first victim with a known age is the field named.
 */
export function screenedAgeProblems(
  persons: readonly PersonAges[],
  screened: ScreenedSubject | undefined,
  receivedOn: string,
  prefix = "persons",
): ConsistencyProblem[] {
  const victims = persons
    .map((p, i) => ({ p, i, age: knownAge(p, receivedOn) }))
    .filter((v) => v.p.part === "victim" && v.age !== undefined);
  const first = victims[0];
  if (!first || !screened) return [];
  const field = `${prefix}.${first.i}.${first.p.ageYears !== undefined ? "ageYears" : "birthDate"}`;
  const age = screened.age ?? null;
  if (age !== null && !victims.some((v) => v.age === age))
    return [
      {
        field,
        rule: "age_disagrees_with_screening",
        message: `The screening recorded the victim as ${age} years old. Correct the age here, or go back and correct the screening.`,
        params: { age },
      },
    ];
  const group = screened.ageGroup ?? null;
  if (age === null && group !== null) {
    const minor = group === "minor";
    if (!victims.some((v) => isMinorAge(v.age) === minor))
      return [
        {
          field,
          rule: "minority_disagrees_with_screening",
          message: minor
            ? `The screening recorded the victim as under ${AGE_OF_MAJORITY}. Correct the age here, or go back and correct the screening.`
            : `The screening recorded the victim as ${AGE_OF_MAJORITY} or older. Correct the age here, or go back and correct the screening.`,
          params: { group },
        },
      ];
  }
  return [];
}

/** A period's end, when both ends are given (YYYY-MM-DD), is on or after its start. */
export function endBeforeStartProblem(
  startsOn: string | null | undefined,
  endsOn: string | null | undefined,
  field: string,
): ConsistencyProblem | null {
  if (!startsOn || !endsOn || endsOn >= startsOn) return null;
  return {
    field,
    rule: "ends_before_start",
    message: "The end date must be on or after the start date.",
    params: {},
  };
}

/**
 * Every consistency problem of an intake's people, in form order: each person's own ages first,
 * then the victims against the screening (asked only when the people agree with themselves).
 */
export function intakeProblems(
  persons: readonly PersonAges[],
  screened: ScreenedSubject | undefined,
  receivedOn: string,
): ConsistencyProblem[] {
  const own = persons.flatMap((p, i) => personAgeProblems(p, receivedOn, `persons.${i}`));
  return own.length > 0 ? own : screenedAgeProblems(persons, screened, receivedOn);
}

/**
 * A person changed or added on the record after intake (issue 13), by the rules intake uses:
 * the person's own ages first, then the victims against the screening. The field is named as
 * the person's form names it (`ageYears`). The screening refuses only a change that makes the
 * victims disagree with it (`before`: the person as they were, null when added): a case whose
 * people already disagree with a later screening does not stop every other edit.
 */
export function personChangeProblems(
  person: PersonAges,
  before: PersonAges | null,
  others: readonly PersonAges[],
  screened: ScreenedSubject | undefined,
  receivedOn: string,
): ConsistencyProblem[] {
  const own = personAgeProblems(person, receivedOn, "person").map((p) => ({
    ...p,
    field: p.field.slice("person.".length),
  }));
  if (own.length > 0) return own;
  const was = screenedAgeProblems(before ? [before, ...others] : others, screened, receivedOn);
  if (was.length > 0) return [];
  const [now] = screenedAgeProblems([person, ...others], screened, receivedOn);
  if (!now) return [];
  return [
    {
      ...now,
      field:
        person.birthDate !== undefined && person.ageYears === undefined ? "birthDate" : "ageYears",
    },
  ];
}
