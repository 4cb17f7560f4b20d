import { z } from "zod";

/** A yes/no filter in a query string: present as "true" to apply it. */
const flag = z
  .enum(["true", "false"])
  .transform((v) => v === "true")
  .optional();

const name = z.string().trim().min(1).max(100);

/**
 * The caseload (issue 13): the caller's cases, most urgent first, one page at a time. `after`
 * is the opaque cursor a previous page answered. A person is searched by given name, family
 * name and birth date together (the one blind index covers the three; a partial search would
 * need an index that reveals more).
 */
export const caseloadQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    after: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,400}$/)
      .optional(),
    status: z.enum(["open", "closed"]).optional(),
    countyFips: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    determination: z
      .string()
      .regex(/^[a-z_]{1,60}$/)
      .optional(),
    assignedToMe: flag,
    overdue: flag,
    ratNotFormed: flag,
    caseNumber: z.string().trim().min(1).max(40).optional(),
    givenName: name.optional(),
    familyName: name.optional(),
    birthDate: z.iso.date().optional(),
  })
  .refine(
    (q) =>
      [q.givenName, q.familyName, q.birthDate].every((v) => v === undefined) ||
      [q.givenName, q.familyName, q.birthDate].every((v) => v !== undefined),
    {
      message: "search a person by given name, family name and birth date together",
      path: ["birthDate"],
    },
  );
export type CaseloadQuery = z.output<typeof caseloadQuery>;
