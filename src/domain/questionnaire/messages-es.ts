import type { QuestionnaireMessageKey } from "./messages-en.ts";

/** Las mismas preguntas en español, con un tono sencillo y sin juicios. */
export const questionnaireEs: Record<QuestionnaireMessageKey, string> = {
  "questionnaire.title": "¿Alguien es víctima de trata?",
  "questionnaire.intro":
    'Unas preguntas sobre lo que usted ha visto u oído. Conteste lo que pueda; "No sé" siempre es una buena respuesta. Nada de lo que escriba aquí se guarda.',
  "questionnaire.emergency": "Si alguien está en peligro ahora mismo, llame al 911.",
  "questionnaire.done": "Gracias. Esto es lo que pide la ley y quién puede ayudar.",

  "section.about": "Sobre la persona",
  "section.sex": "Contacto sexual",
  "section.work": "Trabajo",
  "section.control": "Control",
  "section.signs": "Señales de alerta",
  "section.context": "La situación",
  "section.background": "Antecedentes (opcional)",

  "answer.yes": "Sí",
  "answer.no": "No",
  "answer.dont_know": "No sé",
  "answer.prefers_not_to_say": "Prefiero no decirlo",
  "answer.minor": "Menor de 18 años",
  "answer.adult": "18 años o más",
  "answer.years": "Edad en años",
  "answer.us_citizen": "Sí, ciudadano/a de EE. UU.",
  "answer.permanent_resident": "Residente permanente (green card)",
  "answer.foreign_national": "No, de otro país",

  "q.age.text": "¿Qué edad tiene la persona?",
  "q.age.help":
    "Lo mejor es la edad exacta. Si no está seguro/a, indique si parece tener menos de 18 años.",
  "q.sex_act.text": "¿Alguien ha tenido, o ha intentado organizar, contacto sexual con la persona?",
  "q.sex_act.help":
    "Incluye ofrecer a la persona a otros para tener sexo, en persona o por internet.",
  "q.value_exchanged.text":
    "¿Se dio, se prometió o se recibió algo a cambio, por parte de la persona o de cualquier otra?",
  "q.value_exchanged.help":
    "Cualquier cosa de valor cuenta: dinero, drogas, un lugar donde quedarse, comida, ropa, un teléfono, transporte.",
  "q.explicit_performance.text":
    "¿Han obligado a la persona a desnudarse, bailar o actuar de forma sexual, en persona o ante una cámara?",
  "q.explicit_performance.help":
    "Por ejemplo en un club, en una fiesta o en una transmisión en vivo.",
  "q.explicit_material.text": "¿Se han hecho fotos o videos sexuales de la persona?",
  "q.explicit_material.help": "Sin importar quién los hizo ni si se compartieron.",
  "q.labor_performed.text": "¿La persona trabaja o hace tareas para alguien, con o sin pago?",
  "q.labor_performed.help":
    "Por ejemplo en el campo, en una casa, un restaurante, un salón, limpieza, construcción o una feria ambulante.",
  "q.force_violence.text":
    "¿Alguien ha lastimado a la persona, la ha retenido contra su voluntad o la ha encerrado?",
  "q.force_violence.help":
    "Cualquier daño físico o encierro cuenta, aunque haya sido una sola vez.",
  "q.fraud_lies.text":
    "¿Le mintieron a la persona sobre el trabajo, el pago, dónde viviría o lo que tendría que hacer?",
  "q.fraud_lies.help": "Las promesas que resultaron falsas son una señal importante.",
  "q.coercion_threats.text": "¿Alguien ha amenazado a la persona o a alguien que ella quiere?",
  "q.coercion_threats.help":
    "Cuentan las amenazas de hacer daño, de llamar a la policía o a inmigración, o de compartir fotos privadas.",
  "q.coercion_debt.text":
    "¿La persona le debe dinero a alguien para quien trabaja o con quien vive, una deuda que siempre crece o que nunca se puede pagar?",
  "q.coercion_debt.help": 'Por ejemplo renta, viaje o "cuotas" que le descuentan del pago.',
  "q.coercion_documents.text":
    "¿Alguien le quitó o guarda la identificación, el pasaporte u otros documentos de la persona?",
  "q.coercion_documents.help": 'Aunque digan que es "para cuidarlos".',
  "q.coercion_control.text":
    "¿Alguien controla adónde va la persona, con quién habla, o cuándo come y duerme?",
  "q.coercion_control.help":
    "Incluye quitarle el teléfono o estar siempre presente cuando habla con otras personas.",
  "q.not_free_to_leave.text": "¿Se le impide a la persona irse, o entrar y salir cuando quiere?",
  "q.not_free_to_leave.help":
    "Cuenta si la vigilan, si no tiene adónde ir o si teme lo que pasaría si se va.",
  "q.has_pimp_or_madam.text":
    "¿Otra persona le busca clientes, le dice con quién verse o se queda con el dinero?",
  "q.has_pimp_or_madam.help":
    "Esa persona puede presentarse como novio, novia, representante o familiar.",
  "q.unpaid_or_tips_only.text": "¿La persona no recibe pago, recibe muy poco o solo propinas?",
  "q.unpaid_or_tips_only.help": "Comparado con lo que normalmente se paga por ese trabajo.",
  "q.no_control_of_money.text":
    "¿Otra persona guarda el dinero de la persona, o ella no tiene cuenta bancaria ni comprobantes de pago propios?",
  "q.no_control_of_money.help": "Por ejemplo, el empleador o la pareja se queda con lo que gana.",
  "q.excessive_hours.text": "¿La persona trabaja jornadas muy largas o en horarios poco comunes?",
  "q.excessive_hours.help":
    "Por ejemplo todas las noches hasta tarde, o los siete días de la semana.",
  "q.no_breaks_or_restrictions.text":
    "¿A la persona no le permiten descansos, o le imponen reglas extrañas en el trabajo?",
  "q.no_breaks_or_restrictions.help":
    "Por ejemplo no puede comer, descansar ni hablar libremente con los clientes.",
  "q.substandard_housing.text":
    "¿La persona vive donde trabaja, o en una vivienda llena de gente o insegura?",
  "q.substandard_housing.help":
    "Por ejemplo muchas personas durmiendo en un solo cuarto, o durmiendo en el lugar de trabajo.",
  "q.branded.text":
    '¿La persona tiene un tatuaje o una marca que parece indicar que alguien es su "dueño"?',
  "q.branded.help": "Como un nombre, un símbolo o un código de barras.",
  "q.sextortion.text": "¿Alguien usa fotos o videos sexuales para presionar a la persona?",
  "q.sextortion.help": "Por ejemplo amenaza con compartirlos si la persona no hace algo.",
  "q.crosses_state_lines.text":
    "¿Han llevado, enviado o trasladado a la persona a otro estado como parte de esto?",
  "q.crosses_state_lines.help": "Cualquier viaje hacia o desde otro estado cuenta.",
  "q.in_custody.text":
    "¿La policía tiene detenida a la persona en este momento por actividades relacionadas con la prostitución?",
  "q.in_custody.help":
    "Si es menor de edad, la policía debe avisar de inmediato a Protección Infantil (CPS).",
  "q.citizenship.text": "¿La persona es ciudadana de EE. UU.?",
  "q.citizenship.help":
    "Solo sirve para encontrar la ayuda legal adecuada. La ayuda nunca depende de la situación migratoria.",
  "q.homeless_or_runaway.text": "¿La persona no tiene hogar o se ha ido de su casa?",
  "q.homeless_or_runaway.help":
    "Esta pregunta y las siguientes son opcionales; ayudan a planear el apoyo.",
  "q.foster_care_or_cps_history.text":
    "¿La persona ha estado en hogares de crianza (foster care) o ha tenido contacto con Protección Infantil?",
  "q.foster_care_or_cps_history.help": "En cualquier momento de su vida.",
  "q.abuse_history.text": "¿La persona ha sufrido abuso antes, sobre todo abuso sexual?",
  "q.abuse_history.help": "Solo si ya lo sabe; no le pida a la persona que cuente su historia.",
  "q.juvenile_justice_contact.text":
    "¿La persona ha tenido que ver con el sistema de justicia juvenil?",
  "q.juvenile_justice_contact.help":
    "Por ejemplo arrestos, detención o libertad condicional siendo joven.",
  "q.substance_abuse.text": "¿La persona tiene problemas con el alcohol o las drogas?",
  "q.substance_abuse.help": "A veces se usan drogas para controlar a las personas.",
  "q.mental_health_or_disability.text":
    "¿La persona vive con un problema de salud mental o una discapacidad del desarrollo o intelectual?",
  "q.mental_health_or_disability.help":
    "Esto puede facilitar que la exploten y cambia la forma de ofrecer ayuda.",
  "q.interpersonal_violence.text": "¿Hay violencia en las relaciones o en el hogar de la persona?",
  "q.interpersonal_violence.help": "De una pareja, un familiar o alguien cercano.",
  "q.poverty.text": "¿La persona no puede cubrir necesidades básicas como comida o vivienda?",
  "q.poverty.help":
    "Cubrir esas necesidades es una forma común en que los tratantes se ganan la confianza.",
  "q.gang_involvement.text": "¿La persona está involucrada o en contacto con una pandilla?",
  "q.gang_involvement.help": "A veces las pandillas dirigen redes de trata.",
};
