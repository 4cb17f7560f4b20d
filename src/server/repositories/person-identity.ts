import type { IdentityField } from "../../domain/roles.ts";
import type { PersonsTable } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";

/** Identity as the application sees it; stored only as ciphertext plus blind indexes. */
export type PersonIdentity = Partial<Record<IdentityField, string>>;

const COLUMNS: Record<
  IdentityField,
  "given_name" | "family_name" | "birth_date" | "phone" | "address"
> = {
  givenName: "given_name",
  familyName: "family_name",
  birthDate: "birth_date",
  phone: "phone",
  address: "address",
};

export const IDENTITY_FIELDS = Object.keys(COLUMNS) as IdentityField[];

/** The sealed identity columns as a query on `persons` selects them, for `openIdentity`. */
export const IDENTITY_SELECTION = [
  "persons.given_name",
  "persons.family_name",
  "persons.birth_date",
  "persons.phone",
  "persons.address",
] as const satisfies readonly `persons.${(typeof COLUMNS)[IdentityField]}`[];

// The ciphertext is bound to its row and column: moved elsewhere, it no longer decrypts.
const context = (personId: string, field: IdentityField) => `persons.${COLUMNS[field]}.${personId}`;

const normalizeName = (s: string) => s.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
const normalizePhone = (s: string) => s.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, "");

export function nameDobIndex(
  keyring: Keyring,
  given: string,
  family: string,
  birthDate: string,
): string {
  return keyring.blindIndex(
    "name_dob",
    `${normalizeName(given)}|${normalizeName(family)}|${birthDate}`,
  );
}

export function phoneIndex(keyring: Keyring, phone: string): string {
  return keyring.blindIndex("phone", normalizePhone(phone));
}

/** Column values for an insert or update: ciphertext and indexes, never plain identity. */
export function sealIdentity(
  keyring: Keyring,
  personId: string,
  identity: PersonIdentity,
): Pick<PersonsTable, (typeof COLUMNS)[IdentityField] | "name_dob_index" | "phone_index"> {
  const seal = (f: IdentityField) => {
    const v = identity[f];
    return v === undefined || v === "" ? null : keyring.encrypt(v, context(personId, f));
  };
  const { givenName, familyName, birthDate, phone } = identity;
  return {
    given_name: seal("givenName"),
    family_name: seal("familyName"),
    birth_date: seal("birthDate"),
    phone: seal("phone"),
    address: seal("address"),
    name_dob_index:
      givenName && familyName && birthDate
        ? nameDobIndex(keyring, givenName, familyName, birthDate)
        : null,
    phone_index: phone ? phoneIndex(keyring, phone) : null,
  };
}

/** Decrypts only the fields the policy allows; the others are never decrypted at all. */
export function openIdentity(
  keyring: Keyring,
  row: Pick<PersonsTable, (typeof COLUMNS)[IdentityField]> & { id: string },
  allowed: readonly IdentityField[],
): PersonIdentity {
  const out: PersonIdentity = {};
  for (const f of allowed) {
    const stored = row[COLUMNS[f]];
    if (stored !== null) out[f] = keyring.decrypt(stored, context(row.id, f));
  }
  return out;
}

export { COLUMNS as IDENTITY_COLUMNS };
