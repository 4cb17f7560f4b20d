/** English: the intake's narrative and the person record's details (issue 13). */
export const personRecordEn = {
  "person.narrative": "What was reported (optional)",
  "person.narrative_hint":
    "In the reporter's words. Kept encrypted; only the case file's readers see it.",
  "person.language": "Language they speak (optional)",
  "person.placement": "Where they are now, or their placement (optional)",
  "person.phone": "Phone (optional)",
  "person.email": "E-mail (optional)",
  "person.not_safe": "Do not call: not safe to contact this way",
  "person.non_offending": "Non-offending guardian (not suspected of the abuse)",
  "person.contacts": "Contacts",
  "person.do_not_contact": "Do not contact",
  "identity.contacts": "Contacts",
  "identity.placement": "Location or placement",
};
