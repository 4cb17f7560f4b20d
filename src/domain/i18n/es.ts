import type { MessageKey } from "./en.ts";

/** Spanish messages: the same keys as `en.ts`, written for Spanish speakers, not word for word. */
export const es: Record<MessageKey, string> = {
  // Guía citada como fuente (src/domain/citations.ts): el organismo que la publicó, por su nombre
  "guidance.cvp_training":
    "Center for Violence Prevention, capacitación sobre la trata de personas",
  "guidance.cvp_red_flags": "Capacitación del Center for Violence Prevention: señales de alerta",
  "guidance.cvp_risk_factors":
    "Capacitación del Center for Violence Prevention: factores de riesgo",
  "guidance.cvp_indicators":
    "Capacitación del Center for Violence Prevention: indicadores de trata de personas",

  "determination.sex_trafficking_minor": "Trata sexual de una persona menor de edad",
  "determination.sex_trafficking": "Trata sexual",
  "determination.labor_trafficking": "Trata laboral",
  "determination.possible_trafficking": "Posible trata: hace falta más información",
  "determination.not_indicated": "Con lo que se sabe ahora, no hay indicios de trata",

  "reading.age.minor":
    "La persona tiene {age} años, menos de 18: es menor de edad según la ley de Mississippi.",
  "reading.age.adult":
    "La persona tiene {age} años, 18 o más: es adulta según la ley de Mississippi.",
  "reading.age_group.minor":
    "Se describe a la persona como menor de 18 años: es menor de edad según la ley de Mississippi.",
  "reading.age_group.adult":
    "Se describe a la persona como de 18 años o más: es adulta según la ley de Mississippi.",
  "reading.age.unknown":
    "Todavía no se sabe la edad de la persona. Si tiene menos de 18 años, la ley exige otras cosas.",
  "reading.commercial_sex":
    "Hubo o se buscó un acto sexual y alguien dio, prometió o recibió algo de valor (dinero, drogas, un lugar donde quedarse, comida, un teléfono, transporte): esto es actividad sexual comercial.",
  "reading.ffc.true": "Hay fuerza, engaño o coerción.",
  "reading.ffc.unknown": "Todavía no se sabe si hay fuerza, engaño o coerción.",
  "reading.minor_consent_irrelevant":
    "Una persona menor de edad no puede consentir al sexo comercial. Lo que haya dicho que aceptó, o que alguien creyera que era adulta, no cambia nada.",

  "rule.minor_commercial_sex":
    "Una persona menor de edad involucrada en sexo comercial, en una actuación sexual explícita o en material sexual es víctima de trata. No hace falta demostrar fuerza, engaño ni coerción.",
  "rule.adult_commercial_sex_with_ffc":
    "Cuando el sexo comercial de una persona adulta es causado por fuerza, engaño o coerción, es trata sexual.",
  "rule.labor_with_ffc":
    "El trabajo o los servicios obtenidos mediante fuerza, engaño o coerción son trata laboral, a cualquier edad.",
  "rule.red_flag_present":
    "Hay al menos una señal de alerta de trata. No lo demuestra, pero merece una mirada más atenta.",
  "rule.commercial_sex_age_unknown":
    "Hay sexo comercial y no se sabe la edad de la persona. Si tiene menos de 18 años, es trata.",
  "rule.adult_commercial_sex_ffc_unknown":
    "Una persona adulta está en el sexo comercial y todavía no se sabe si hay fuerza, engaño o coerción.",
  "rule.minor_sex_act_value_unknown":
    "Una persona menor de edad está involucrada en un acto sexual y todavía no se sabe si hubo intercambio de algo de valor.",
  "rule.not_indicated":
    "Lo que se sabe ahora no indica trata. Los factores de riesgo por sí solos nunca bastan, y el sexo comercial de una persona adulta sin fuerza, engaño ni coerción no es trata. Si surge algo nuevo, vuelva a evaluar.",
  "rule.minor_reports":
    "Como la persona es menor de edad, la ley exige avisar de inmediato a Protección Infantil (CPS), al Coordinador de Trata de Personas del MBI y a la Fiscalía General; CPS debe formar un Equipo de Evaluación Rápida y ver al niño o niña en persona dentro de 24 horas.",
  "rule.minor_victim_care":
    "Una víctima menor de edad necesita un plan especializado de CPS y debe ir a un hospital o a un refugio, no a un centro de detención juvenil.",
  "rule.adult_support":
    "Una persona adulta decide si quiere involucrar a la policía. Ofrézcale una persona defensora y la línea de ayuda, y anote lo que observó.",
  "rule.age_unknown_support":
    "Mientras no se sepa la edad, ponga a la persona en contacto con una persona defensora y con la línea de ayuda, y averigüe si tiene menos de 18 años.",
  "rule.minor_in_custody":
    "Cuando la policía detiene a una persona menor de edad por actividades relacionadas con la prostitución, hay que avisar a CPS de inmediato.",
  "rule.crosses_state_lines": "La situación cruza fronteras entre estados: hay que llamar al FBI.",
  "rule.foreign_national":
    "La persona es de nacionalidad extranjera: derívela a asesoría legal de inmigración. Los servicios nunca dependen de cooperar con la policía.",

  "action.report_cps": "Avise ahora a Protección Infantil (CPS) por teléfono y después por escrito",
  "action.report_mbi_ht_coordinator": "Avise al Coordinador de Trata de Personas del MBI",
  "action.report_attorney_general": "Avise a la Fiscalía General (Attorney General's Office)",
  "action.rapid_assessment_team":
    "Formar un Equipo de Evaluación Rápida (investigador de CPS, investigador certificado en trata, defensor de víctimas certificado)",
  "action.cps_in_person_contact_24h": "CPS se reúne en persona con el niño o la niña",
  "action.cps_specialized_plan": "CPS prepara un plan especializado para el niño o la niña",
  "action.medical_or_shelter_not_detention":
    "Llevar al niño o la niña a un hospital o refugio, no a detención juvenil",
  "action.notify_cps_minor_in_custody":
    "Avisar a CPS de que la policía tiene detenida a una persona menor de edad por actividades relacionadas con la prostitución",
  "action.notify_fbi": "Llamar al FBI",
  "action.establish_age": "Averiguar si la persona tiene menos de 18 años",
  "action.contact_victim_advocate":
    "Poner a la persona en contacto con una persona defensora de víctimas certificada",
  "action.national_hotline": "Llamar a la Línea Nacional contra la Trata de Personas",
  "action.offer_law_enforcement_contact":
    "Ofrecer contacto con la policía local, solo si la persona está de acuerdo",
  "action.immigration_relief_referral":
    "Derivar a asesoría legal de inmigración (visa T, Presencia Continuada; para menores, carta de elegibilidad de HHS)",
  "action.document_everything": "Anote todo lo que vio y oyó, con fechas y horas",

  "contact.cps": "Línea directa de Protección Infantil de Mississippi (CPS)",
  "contact.mbi_ht_coordinator":
    "Coordinador de Trata de Personas, Oficina de Investigación de Mississippi (MBI)",
  "contact.attorney_general": "Fiscalía General de Mississippi",
  "contact.hospital_or_shelter": "Un hospital o un refugio",
  "contact.fbi": "FBI",
  "contact.none": "Usted",
  "contact.victim_advocate":
    "The Tower (defensores de víctimas certificados); línea de crisis 800-266-4198",
  "contact.national_hotline": "Línea Nacional contra la Trata de Personas (24/7)",
  "contact.local_law_enforcement": "Policía local",
  "contact.immigration_legal_help": "Servicios legales de inmigración",

  "deadline.immediately": "de inmediato",
  "deadline.within_24_hours": "dentro de 24 horas",
  "deadline.without_delay": "sin demora",
  "deadline.when_the_person_agrees": "cuando la persona esté de acuerdo",
};
