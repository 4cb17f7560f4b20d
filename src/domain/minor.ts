/**
 * A minor is any person under 18 (Miss. Code § 97-3-54.4(k)). The one place the age line is
 * drawn: the assessment, consent, disclosure to CPS and the specialized plan all ask here.
 */
export const AGE_OF_MAJORITY = 18;

export function isMinorAge(age: number | null | undefined): boolean {
  return age !== null && age !== undefined && age < AGE_OF_MAJORITY;
}

/** A person recorded on a case as a victim, with a known age under 18. */
export function isMinorVictim(part: string, age: number | null | undefined): boolean {
  return part === "victim" && isMinorAge(age);
}
