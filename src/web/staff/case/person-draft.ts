import type { CasePerson } from "../../../contract/cases/replies.ts";
import { emptyPerson, type PersonDraft } from "../intake/PersonFields.tsx";

type Contact = CasePerson["contacts"][number];

/** The intake form's draft of a person already on the case, prefilled with what is shown. */
export function draftOf(p: CasePerson): PersonDraft {
  const phone = p.contacts.find((c) => c.kind === "phone");
  const email = p.contacts.find((c) => c.kind === "email");
  return {
    ...emptyPerson(0, p.part),
    givenName: p.identity.givenName ?? "",
    familyName: p.identity.familyName ?? "",
    birthDate: p.identity.birthDate ?? "",
    ageYears: p.ageYears !== null ? String(p.ageYears) : "",
    gender: p.gender ?? "",
    citizenship: p.citizenship ?? "",
    language: p.language ?? "",
    placement: p.placement ?? "",
    phone: phone?.value ?? "",
    phoneNotSafe: phone ? !phone.safeToContact : false,
    email: email?.value ?? "",
    emailNotSafe: email ? !email.safeToContact : false,
    nonOffending: p.nonOffending ?? false,
  };
}

const TEXT_FIELDS = [
  "givenName",
  "familyName",
  "birthDate",
  "ageYears",
  "gender",
  "citizenship",
  "language",
  "placement",
] as const;

/**
 * The contacts after the edit: the form's first phone and first e-mail, and any further contacts
 * the person had (the form shows one of each; the others are kept as they were).
 */
function contactsOf(p: CasePerson, d: PersonDraft): Contact[] {
  const firstPhone = p.contacts.find((c) => c.kind === "phone");
  const firstEmail = p.contacts.find((c) => c.kind === "email");
  const others = p.contacts.filter((c) => c !== firstPhone && c !== firstEmail);
  return [
    ...(d.phone.trim()
      ? [{ kind: "phone" as const, value: d.phone.trim(), safeToContact: !d.phoneNotSafe }]
      : []),
    ...(d.email.trim()
      ? [{ kind: "email" as const, value: d.email.trim(), safeToContact: !d.emailNotSafe }]
      : []),
    ...others,
  ];
}

/**
 * The PATCH body for what the user changed, and only that: a field emptied is cleared, a field
 * the user did not touch is not sent (so a field withheld from them is never written blind).
 */
export function editBody(p: CasePerson, draft: PersonDraft): Record<string, unknown> | null {
  const before = draftOf(p);
  const body: Record<string, unknown> = {};
  const clear: string[] = [];
  for (const f of TEXT_FIELDS) {
    const now = draft[f].trim();
    if (now === before[f].trim()) continue;
    if (now === "") clear.push(f);
    else body[f] = f === "ageYears" ? Number(now) : now;
  }
  const contacts = contactsOf(p, draft);
  if (JSON.stringify(contacts) !== JSON.stringify(p.contacts)) {
    if (contacts.length === 0) clear.push("contacts");
    else body.contacts = contacts;
  }
  if (p.part === "guardian" && draft.nonOffending !== before.nonOffending)
    body.nonOffending = draft.nonOffending;
  if (Object.keys(body).length === 0 && clear.length === 0) return null;
  return { version: p.version, ...body, ...(clear.length > 0 ? { clear } : {}) };
}
