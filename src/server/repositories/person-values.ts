import type { PersonValues } from "../../contract/intake/inputs.ts";
import type { PersonsTable } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";
import { openPersonDetails, sealPersonDetails } from "./person-details.ts";
import { IDENTITY_FIELDS, openIdentity, sealIdentity } from "./person-identity.ts";
import { openOptional, sealOptional } from "./sealed-text.ts";

/** The columns of `persons` that hold what is said about the person (not id, holder, version). */
export type PersonValueColumns = Omit<PersonsTable, "id" | "agency_id" | "created_at" | "version">;

/**
 * Every column of a person's values, sealed where the record seals it (identity with its blind
 * indexes, gender, language, placement, contacts): the one way intake and later edits write a
 * person, so both seal alike. Written whole: the name-and-birth-date index needs all three.
 */
export function sealPersonValues(
  keyring: Keyring,
  id: string,
  person: PersonValues,
): PersonValueColumns {
  return {
    ...sealIdentity(keyring, id, person),
    age_years: person.ageYears ?? null,
    gender: sealOptional(keyring, "persons", "gender", id, person.gender),
    citizenship: person.citizenship ?? null,
    ...sealPersonDetails(keyring, id, person),
  };
}

/**
 * Every value of a stored person, opened: only inside a unit that changes the record (to merge
 * an edit and seal it again, and to check the ages agree). Never answered to a caller, who reads
 * a person through the case reading's disclosure.
 */
export function openPersonValues(
  keyring: Keyring,
  row: PersonValueColumns & { id: string },
): PersonValues {
  const details = openPersonDetails(keyring, row, { contacts: true, placement: true });
  const gender = openOptional(keyring, "persons", "gender", row.id, row.gender);
  const values: PersonValues = {
    ...openIdentity(keyring, row, IDENTITY_FIELDS),
    ...(row.age_years !== null ? { ageYears: row.age_years } : {}),
    ...(gender !== null ? { gender } : {}),
    ...(row.citizenship !== null
      ? { citizenship: row.citizenship as NonNullable<PersonValues["citizenship"]> }
      : {}),
    ...(details.language !== null ? { language: details.language } : {}),
    ...(details.placement !== null ? { placement: details.placement } : {}),
    ...(details.contacts.length > 0 ? { contacts: details.contacts } : {}),
    ...(details.nonOffending !== null ? { nonOffending: details.nonOffending } : {}),
  };
  return values;
}
