import type { Keyring } from "../security/keyring.ts";

/**
 * Free text about a victim or a case (needs, goals, services, notes, file names, reasons,
 * evidence, consent purposes, gender) is encrypted like identity fields, bound to its table,
 * column and row: a value copied to another row no longer decrypts. Sealing happens at the
 * storage boundary; readers who may see a value get the plain text back.
 */
export function sealText(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: string,
) {
  return keyring.encrypt(value, `${table}.${column}.${id}`);
}

export function openText(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: string,
) {
  return keyring.decrypt(value, `${table}.${column}.${id}`);
}

/** A nullable column: absent stays null, anything else is sealed. */
export function sealOptional(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: string | null | undefined,
): string | null {
  return value === null || value === undefined ? null : sealText(keyring, table, column, id, value);
}

export function openOptional(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: string | null,
): string | null {
  return value === null ? null : openText(keyring, table, column, id, value);
}

/** A JSON value (obligation evidence, assessment facts) sealed as its text. */
export function sealJson(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: object,
) {
  return sealText(keyring, table, column, id, JSON.stringify(value));
}

export function openJson<T = Record<string, unknown>>(
  keyring: Keyring,
  table: string,
  column: string,
  id: string,
  value: string | null,
): T | null {
  return value === null ? null : (JSON.parse(openText(keyring, table, column, id, value)) as T);
}
