/**
 * English: the staff menu, wording shared by the staff pages (saving, conflicts), and the
 * refusals the API names by code (`error.code.<code>`), said in our own plain words.
 */
export const commonEn = {
  "nav.open_cases": "Open cases",
  "nav.task_forces": "Task forces",
  "nav.users": "Accounts",
  "nav.agencies": "Agencies",
  "nav.certifications": "Certifications",

  "common.save": "Save",
  "common.saving": "Saving…",
  "common.reload": "Reload",
  "common.none": "None",
  "common.optional": "(optional)",
  "common.choose": "Choose…",
  "common.yes": "Yes",
  "common.no": "No",
  "common.saved": "Saved.",
  "stale.title": "Someone else changed this",
  "stale.body":
    "While you were working, this was changed by someone else. Nothing was saved. Reload to see it as it is now.",
  "save.failed": "This could not be saved. Check your connection and try again.",
  "save.invalid": "Some of this could not be accepted: {detail}",
  "error.code.consent_required":
    "Sharing this person's name with that agency needs their written consent on record. Send the referral without the name, or ask the person's advocate to record a consent first.",
  "error.code.statutory_basis_not_met":
    "That law does not cover this referral: it applies only when CPS receives a report about a minor victim.",
  "error.code.certification_expired":
    "This person's certification for this seat is not valid today. Choose someone else or renew the certification first.",
  "error.code.role_not_grantable": "You cannot give this role. Only a system administrator can.",
  "error.code.role_does_not_fit_agency":
    "This role does not belong in that kind of agency. Choose another role or agency.",
  "error.code.certification_missing": "This person holds no certification for this seat.",
  "error.code.wrong_role": "This person does not hold the role this seat needs.",
  "error.code.not_a_member": "This person is not a member of the task force.",
  "error.code.not_a_minor": "The CPS specialized plan is for a victim under 18.",
  "error.code.invalid_transition": "That change is not possible from the current status.",
  "error.code.consent_not_needed":
    "This record is not held by victim services: no consent is needed.",
  "error.code.consent_giver_not_allowed":
    "A person suspected of exploiting the minor can never consent for them.",
  "error.code.unsupported_media_type": "Only PDF, PNG, JPEG and plain text files can be added.",
  "error.code.content_mismatch": "The file's content does not match its type.",
  "error.code.too_large": "The file is too large.",
  "error.code.payload_too_large": "The file is too large.",
  "error.code.document_infected": "The virus scan refused this file.",
  "error.code.cannot_disable_self": "You cannot disable your own account.",
  "error.code.already_closed": "This is already closed.",
  "error.code.conflict": "This was already changed by someone else. Reload and try again.",
} as const;
