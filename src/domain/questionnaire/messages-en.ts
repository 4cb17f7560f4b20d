/**
 * Screening wording, English. Written for someone worried about another person, in a hurry and
 * without legal training: short, concrete, no blame, and "I don't know" is always fine.
 */
export const questionnaireEn = {
  "questionnaire.title": "Is someone being trafficked?",
  "questionnaire.intro":
    'A few questions about what you have seen or heard. Answer what you can; "I don\'t know" is always a good answer. Nothing you enter here is saved.',
  "questionnaire.emergency": "If someone is in danger right now, call 911.",
  "questionnaire.done": "Thank you. Here is what the law asks for and who can help.",

  "section.about": "About the person",
  "section.sex": "Sexual contact",
  "section.work": "Work",
  "section.control": "Control",
  "section.signs": "Warning signs",
  "section.context": "The situation",
  "section.background": "Background (optional)",

  "answer.yes": "Yes",
  "answer.no": "No",
  "answer.dont_know": "I don't know",
  "answer.prefers_not_to_say": "I'd rather not say",
  "answer.minor": "Under 18",
  "answer.adult": "18 or older",
  "answer.years": "Age in years",
  "answer.us_citizen": "Yes, a U.S. citizen",
  "answer.permanent_resident": "A permanent resident (green card)",
  "answer.foreign_national": "No, from another country",

  "q.age.text": "How old is the person?",
  "q.age.help": "An exact age is best. If you are not sure, say whether they seem to be under 18.",
  "q.sex_act.text": "Has anyone had, or tried to set up, sexual contact with the person?",
  "q.sex_act.help":
    "This includes offering the person to someone else for sex, in person or online.",
  "q.value_exchanged.text":
    "Was anything given, promised or received because of it, by the person or by anyone else?",
  "q.value_exchanged.help":
    "Anything of value counts: money, drugs, a place to stay, food, clothes, a phone, a ride.",
  "q.explicit_performance.text":
    "Has the person been made to strip, dance or perform sexually, in person or on camera?",
  "q.explicit_performance.help": "For example in a club, at a party, or on a live stream.",
  "q.explicit_material.text": "Have sexual photos or videos of the person been made?",
  "q.explicit_material.help": "Whoever made them, and whether or not they were shared.",
  "q.labor_performed.text": "Does the person work or do tasks for someone, paid or not?",
  "q.labor_performed.help":
    "For example in fields, a home, a restaurant, a salon, cleaning, construction or a traveling show.",
  "q.force_violence.text":
    "Has anyone hurt the person, held them against their will, or locked them in?",
  "q.force_violence.help": "Any physical harm or restraint counts, even once.",
  "q.fraud_lies.text":
    "Was the person lied to about the job, the pay, where they would live, or what they would have to do?",
  "q.fraud_lies.help": "Promises that turned out to be false are an important sign.",
  "q.coercion_threats.text": "Has anyone threatened the person or someone they care about?",
  "q.coercion_threats.help":
    "Threats of harm, of calling police or immigration, or of sharing private pictures all count.",
  "q.coercion_debt.text":
    "Does the person owe a debt to someone they work for or live with that keeps growing or can never be paid off?",
  "q.coercion_debt.help": 'For example rent, travel or "fees" taken out of their pay.',
  "q.coercion_documents.text":
    "Has someone taken or kept the person's ID, passport or other papers?",
  "q.coercion_documents.help": 'Even if they say it is "for safekeeping".',
  "q.coercion_control.text":
    "Does someone control where the person goes, who they talk to, or when they eat and sleep?",
  "q.coercion_control.help":
    "Including taking their phone or always being present when they talk to others.",
  "q.not_free_to_leave.text":
    "Is the person kept from leaving, or from coming and going as they wish?",
  "q.not_free_to_leave.help":
    "Being watched, having nowhere else to go, or fear of what happens if they leave all count.",
  "q.has_pimp_or_madam.text":
    "Does someone else find buyers for the person, tell them whom to see, or take the money?",
  "q.has_pimp_or_madam.help":
    "That person may call themselves a boyfriend, girlfriend, manager or family.",
  "q.unpaid_or_tips_only.text": "Is the person unpaid, paid very little, or paid only in tips?",
  "q.unpaid_or_tips_only.help": "Compared with what the work would normally pay.",
  "q.no_control_of_money.text":
    "Does someone else hold the person's money, or do they have no bank account or pay records of their own?",
  "q.no_control_of_money.help": "For example, an employer or partner keeps their earnings.",
  "q.excessive_hours.text": "Does the person work very long or unusual hours?",
  "q.excessive_hours.help": "For example late every night, or seven days a week.",
  "q.no_breaks_or_restrictions.text":
    "Is the person denied breaks, or held to unusual rules at work?",
  "q.no_breaks_or_restrictions.help":
    "For example not allowed to eat, rest, or speak to customers freely.",
  "q.substandard_housing.text":
    "Does the person live where they work, or in crowded or unsafe housing?",
  "q.substandard_housing.help":
    "For example many people sleeping in one room, or sleeping at the workplace.",
  "q.branded.text": 'Does the person have a tattoo or mark that seems to show someone "owns" them?',
  "q.branded.help": "Such as a name, a symbol or a bar code.",
  "q.sextortion.text": "Is someone using sexual pictures or videos to pressure the person?",
  "q.sextortion.help": "For example threatening to share them unless the person does something.",
  "q.crosses_state_lines.text":
    "Has the person been taken, sent or moved across state lines as part of this?",
  "q.crosses_state_lines.help": "Any trip to or from another state counts.",
  "q.in_custody.text":
    "Is the person being held by police right now for prostitution-related activity?",
  "q.in_custody.help": "For a minor, the police must tell Child Protection Services at once.",
  "q.citizenship.text": "Is the person a U.S. citizen?",
  "q.citizenship.help":
    "This only helps find the right legal help. Help never depends on immigration status.",
  "q.homeless_or_runaway.text": "Is the person homeless, or has the person run away from home?",
  "q.homeless_or_runaway.help": "This and the next questions are optional; they help plan support.",
  "q.foster_care_or_cps_history.text":
    "Has the person been in foster care, or had contact with child protection?",
  "q.foster_care_or_cps_history.help": "At any time in their life.",
  "q.abuse_history.text": "Has the person been abused before, especially sexually?",
  "q.abuse_history.help": "Only if you already know; do not ask the person to tell their story.",
  "q.juvenile_justice_contact.text":
    "Has the person been involved with the juvenile justice system?",
  "q.juvenile_justice_contact.help":
    "For example arrests, detention or probation as a young person.",
  "q.substance_abuse.text": "Does the person struggle with alcohol or drugs?",
  "q.substance_abuse.help": "Drugs are sometimes used to control people.",
  "q.mental_health_or_disability.text":
    "Does the person live with a mental health condition or a developmental or intellectual disability?",
  "q.mental_health_or_disability.help":
    "This can make someone easier to exploit and changes how to offer help.",
  "q.interpersonal_violence.text": "Is there violence in the person's relationships or home?",
  "q.interpersonal_violence.help": "From a partner, family member or anyone close.",
  "q.poverty.text": "Is the person unable to meet basic needs like food or housing?",
  "q.poverty.help": "Meeting those needs is a common way traffickers gain trust.",
  "q.gang_involvement.text": "Is the person involved with, or in contact with, a gang?",
  "q.gang_involvement.help": "Gangs sometimes run trafficking.",
} as const;

export type QuestionnaireMessageKey = keyof typeof questionnaireEn;
