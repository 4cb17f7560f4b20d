/**
 * English messages. Every user-facing sentence of the domain lives in a catalogue, never in code;
 * `es.ts` must have exactly the same keys (checked by the compiler and a test). Tone: plain,
 * calm, non-judgemental; we never blame the person or demand certainty.
 */
export const en = {
  // Guidance cited as a source (src/domain/citations.ts): the issuing body by name
  "guidance.cvp_training": "Center for Violence Prevention, human trafficking training",
  "guidance.cvp_red_flags": "Center for Violence Prevention training: red flags",
  "guidance.cvp_risk_factors": "Center for Violence Prevention training: risk factors",
  "guidance.cvp_indicators": "Center for Violence Prevention training: indicators of trafficking",

  // Determinations
  "determination.sex_trafficking_minor": "Sex trafficking of a minor",
  "determination.sex_trafficking": "Sex trafficking",
  "determination.labor_trafficking": "Labor trafficking",
  "determination.possible_trafficking": "Possible trafficking: more information is needed",
  "determination.not_indicated": "Trafficking is not indicated by what is known now",

  // How the facts were read (contract rules 1-3)
  "reading.age.minor": "The person is {age}, under 18: a minor in Mississippi law.",
  "reading.age.adult": "The person is {age}, 18 or older: an adult in Mississippi law.",
  "reading.age_group.minor": "The person is described as under 18: a minor in Mississippi law.",
  "reading.age_group.adult": "The person is described as 18 or older: an adult in Mississippi law.",
  "reading.age.unknown":
    "The person's age is not known yet. Whether they are under 18 changes what the law requires.",
  "reading.commercial_sex":
    "A sex act happened or was sought and something of value (money, drugs, a place to stay, food, a phone, a ride) was given, promised or received: this is commercial sexual activity.",
  "reading.ffc.true": "Force, fraud or coercion is present.",
  "reading.ffc.unknown": "It is not known yet whether force, fraud or coercion is involved.",
  "reading.minor_consent_irrelevant":
    "A minor cannot consent to commercial sex. What the minor said they agreed to, or anyone's belief that they were an adult, changes nothing.",

  // Determination rules (4-6)
  "rule.minor_commercial_sex":
    "A minor involved in commercial sex, a sexually explicit performance or sexual material is a victim of trafficking. No force, fraud or coercion needs to be shown.",
  "rule.adult_commercial_sex_with_ffc":
    "An adult's commercial sex caused by force, fraud or coercion is sex trafficking.",
  "rule.labor_with_ffc":
    "Work or services obtained through force, fraud or coercion is labor trafficking, at any age.",
  // Possible trafficking (rule 8)
  "rule.red_flag_present":
    "At least one warning sign of trafficking is present. It does not prove trafficking, but it needs a closer look.",
  "rule.commercial_sex_age_unknown":
    "There is commercial sex and the person's age is unknown. If they are under 18 this is trafficking.",
  "rule.adult_commercial_sex_ffc_unknown":
    "An adult is in commercial sex and it is not yet known whether force, fraud or coercion is involved.",
  "rule.minor_sex_act_value_unknown":
    "A minor is involved in a sex act and it is not yet known whether anything of value was exchanged.",
  // Not indicated (rule 9)
  "rule.not_indicated":
    "What is known now does not indicate trafficking. Risk factors alone never make a case, and an adult's commercial sex without force, fraud or coercion is not trafficking. If anything new comes up, screen again.",
  // Action rules (10)
  "rule.minor_reports":
    "Because the person is a minor, the law requires immediate reports to Child Protection Services, the MBI Human Trafficking Coordinator and the Attorney General, and CPS must form a Rapid Assessment Team and see the child within 24 hours.",
  "rule.minor_victim_care":
    "A minor victim needs a CPS specialized plan and should go to a hospital or shelter, not juvenile detention.",
  "rule.adult_support":
    "An adult decides whether to involve law enforcement. Offer an advocate and the hotline, and document what you saw.",
  "rule.age_unknown_support":
    "Until the age is known, connect the person with an advocate and the hotline, and find out whether they are under 18.",
  "rule.minor_in_custody":
    "When law enforcement holds a minor for prostitution-related activity, CPS must be notified immediately.",
  "rule.crosses_state_lines": "The situation crosses state lines: the FBI should be called.",
  "rule.foreign_national":
    "The person is a foreign national: refer them to immigration legal help. Services never depend on cooperating with police.",

  // Actions
  "action.report_cps": "Report to Child Protection Services now, by phone, then in writing",
  "action.report_mbi_ht_coordinator": "Report to the MBI Human Trafficking Coordinator",
  "action.report_attorney_general": "Report to the Attorney General's Office",
  "action.rapid_assessment_team":
    "Form a Rapid Assessment Team (CPS investigator, certified HT investigator, certified victim advocate)",
  "action.cps_in_person_contact_24h": "CPS makes in-person contact with the child",
  "action.cps_specialized_plan": "CPS creates a specialized plan for the child",
  "action.medical_or_shelter_not_detention":
    "Take the child to a hospital or shelter, not juvenile detention",
  "action.notify_cps_minor_in_custody":
    "Notify CPS that law enforcement holds a minor for prostitution-related activity",
  "action.notify_fbi": "Call the FBI",
  "action.establish_age": "Find out whether the person is under 18",
  "action.contact_victim_advocate": "Connect the person with a certified victim advocate",
  "action.national_hotline": "Call the National Human Trafficking Hotline",
  "action.offer_law_enforcement_contact":
    "Offer contact with local law enforcement, only if the person agrees",
  "action.immigration_relief_referral":
    "Refer to immigration legal help (T visa, Continued Presence; for minors an HHS eligibility letter)",
  "action.document_everything": "Write down everything you saw and heard, with dates and times",

  // Whom to contact
  "contact.cps": "Mississippi Child Protection Services hotline",
  "contact.mbi_ht_coordinator":
    "Human Trafficking Coordinator, Mississippi Bureau of Investigation",
  "contact.attorney_general": "Mississippi Attorney General's Office",
  "contact.hospital_or_shelter": "A hospital or shelter",
  "contact.fbi": "FBI",
  "contact.none": "You",
  "contact.victim_advocate": "The Tower (certified victim advocates); crisis line 800-266-4198",
  "contact.national_hotline": "National Human Trafficking Hotline (24/7)",
  "contact.local_law_enforcement": "Local law enforcement",
  "contact.immigration_legal_help": "Immigration legal services",

  // Deadlines
  "deadline.immediately": "immediately",
  "deadline.within_24_hours": "within 24 hours",
  "deadline.without_delay": "without delay",
  "deadline.when_the_person_agrees": "when the person agrees",
} as const;

export type MessageKey = keyof typeof en;
