/** A backup or restore that cannot go on; the message is one plain sentence for the operator. */
export class BackupError extends Error {
  override name = "BackupError";
}
