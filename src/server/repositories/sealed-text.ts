import type { Keyring } from "../security/keyring.ts";

/**
 * Free text about a victim (needs, goals, notes, file names) is encrypted like identity fields,
 * bound to its table, column and row: a value copied to another row no longer decrypts.
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
