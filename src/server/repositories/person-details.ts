import type { PersonContactInput } from "../../contract/intake/inputs.ts";
import type { PersonsTable } from "../db/schema.ts";
import type { Keyring } from "../security/keyring.ts";
import { openJson, openOptional, sealOptional } from "./sealed-text.ts";

/** A person's details beyond identity: language, placement, contacts, non-offending guardian. */
export interface PersonDetails {
  language?: string | undefined;
  placement?: string | undefined;
  contacts?: PersonContactInput[] | undefined;
  nonOffending?: boolean | undefined;
}

type DetailColumns = Pick<PersonsTable, "language" | "placement" | "contacts" | "non_offending">;

/**
 * Column values for the details: language, placement and contacts sealed like other free text
 * about a person (bound to the row), the guardian's flag plain. An empty contact list is null.
 */
export function sealPersonDetails(keyring: Keyring, id: string, d: PersonDetails): DetailColumns {
  return {
    language: sealOptional(keyring, "persons", "language", id, d.language),
    placement: sealOptional(keyring, "persons", "placement", id, d.placement),
    contacts:
      d.contacts && d.contacts.length > 0
        ? sealOptional(keyring, "persons", "contacts", id, JSON.stringify(d.contacts))
        : null,
    non_offending: d.nonOffending === undefined ? null : d.nonOffending ? 1 : 0,
  };
}

/**
 * The details as a reader sees them. Contacts and placement say where a person can be found, so
 * they follow the identity disclosure: contacts with the phone, placement with the address.
 */
export function openPersonDetails(
  keyring: Keyring,
  row: DetailColumns & { id: string },
  disclosed: { contacts: boolean; placement: boolean },
) {
  return {
    language: openOptional(keyring, "persons", "language", row.id, row.language),
    nonOffending: row.non_offending === null ? null : row.non_offending === 1,
    placement: disclosed.placement
      ? openOptional(keyring, "persons", "placement", row.id, row.placement)
      : null,
    contacts: disclosed.contacts
      ? (openJson<PersonContactInput[]>(keyring, "persons", "contacts", row.id, row.contacts) ?? [])
      : [],
  };
}

/** Detail fields present on the row that the reader was not shown (named, never the values). */
export function withheldDetails(
  row: DetailColumns,
  disclosed: { contacts: boolean; placement: boolean },
): ("contacts" | "placement")[] {
  const out: ("contacts" | "placement")[] = [];
  if (!disclosed.contacts && row.contacts !== null) out.push("contacts");
  if (!disclosed.placement && row.placement !== null) out.push("placement");
  return out;
}
