import type { panelsEn } from "./panels.en.ts";

/** Spanish, same keys as `panels.en.ts`. */
export const panelsEs: Record<keyof typeof panelsEn, string> = {
  "case.panel.status": "Estado del caso",
  "case.panel.rat": "Equipo de Evaluación Rápida",
  "case.panel.plans": "Plan de servicios",
  "case.panel.referrals": "Remisiones",
  "case.panel.notes": "Notas",
  "case.panel.documents": "Documentos",
  "case.panel.consents": "Consentimientos",
  "case.panel.timeline": "Historial",
  "case.outcome": "Resultado",
  "case.closed_at": "Cerrado",
  "case.status.close": "Cerrar el caso",
  "case.status.close_hint":
    "Al cerrar se registra el resultado para el informe anual del estado. Las obligaciones pendientes siguen abiertas.",
  "case.status.closed_with": "Cerrado el {at}. Resultado: {outcome}.",
  "case.status.reopen": "Reabrir el caso",
  "case.status.reopen_hint": "Al reabrir se borra el resultado.",

  "rat.none": "Todavía no se ha convocado un Equipo de Evaluación Rápida para este caso.",
  "rat.convene": "Convocar el equipo",
  "rat.convene_hint":
    "Cada puesto se ofrece a un miembro certificado del grupo de trabajo, primero a quienes están de guardia. Responden en Mi trabajo.",
  "rat.task_force": "Grupo de trabajo",
  "rat.no_task_force":
    "Todavía no se ha creado ningún grupo de trabajo. Quien dirige un grupo de trabajo o la coordinación estatal lo crea; después se puede convocar el equipo aquí.",
  "rat.forming": "Esperando respuestas",
  "rat.formed_in": "Equipo formado en {minutes} min",
  "rat.requested_at": "convocado el {at}",
  "rat.formed_at": "formado el {at}",
  "rat.seats": "Puestos del Equipo de Evaluación Rápida",
  "rat.seat": "Puesto",
  "rat.person": "Persona",
  "rat.answer": "Respuesta",
  "rat.on_call": "De guardia",
  "rat.nobody": "Todavía no se ofreció a nadie",
  "rat.earlier": "Respuestas anteriores",
  "rat.offer_title": "Ofrecer un puesto a mano",
  "rat.offer": "Ofrecer el puesto",
  "rat.candidates_hint":
    "Miembros del grupo de trabajo con la función de este puesto, primero quienes están de guardia. Quien no puede ocupar el puesto hoy aparece con el motivo y no se puede elegir.",
  "rat.none_eligible":
    "Nadie del grupo de trabajo puede ocupar este puesto hoy. Quien dirige el grupo de trabajo puede añadir un miembro o registrar una certificación.",
  "rat.no_candidates":
    "Nadie del grupo de trabajo tiene la función de este puesto. Quien dirige el grupo de trabajo puede añadir un miembro.",
  "rat.cannot_take": "no puede ocupar este puesto: {reason}",
  "rat.ineligible.wrong_role": "no tiene la función de este puesto",
  "rat.ineligible.certification_missing": "sin certificación para este puesto",
  "rat.ineligible.certification_expired": "certificación no vigente hoy",
  "rat.certified_until": "certificación hasta el {date}",
  "rat.certification_lapsed": "certificación vencida el {date}",

  "plan.none": "Todavía no hay plan.",
  "plan.no_victim":
    "Los planes son para las víctimas; no hay ninguna víctima registrada en este caso.",
  "plan.start_title": "Empezar un plan",
  "plan.for_person": "Para",
  "plan.start_service": "Empezar un plan de servicios",
  "plan.start_specialized": "Empezar el plan especializado de CPS (HB 571)",
  "plan.started_at": "empezado el {at}",
  "plan.domain_empty": "Todavía no hay nada previsto.",
  "plan.withheld_title": "Plan de {agency}, no compartido",
  "plan.withheld_body":
    "Los servicios a víctimas mantienen este plan confidencial (VAWA). Su contenido solo se comparte con el consentimiento escrito de la persona para su agencia.",
  "plan.statutory_body":
    "{kind}, {status}. CPS, al recibir el reporte de un menor, sabe que este plan existe; no lo que contiene.",
  "plan.consent_partial":
    "Compartido por {agency} con el consentimiento de la persona: solo se muestran las áreas que cubre el consentimiento.",
  "plan.add_item": "Añadir una necesidad y un servicio",
  "plan.add": "Añadir",
  "plan.domain": "Área",
  "plan.need": "Necesidad",
  "plan.need_hint": "Lo que la persona necesita, en pocas palabras.",
  "plan.goal": "Meta",
  "plan.service": "Servicio",
  "plan.service_hint": "Por ejemplo «examen forense» o «terapia para el trauma».",
  "plan.provider": "Proveedor",
  "plan.starts_on": "Empieza",
  "plan.ends_on": "Termina",
  "plan.item_status": "Estado de {service}",
  "plan.move": "Actualizar",

  "referral.none": "Todavía no hay remisiones.",
  "referral.new": "Enviar una remisión",
  "referral.sent": "Se envió la remisión.",
  "referral.withdraw": "Retirar",
  "referral.withdraw_named": "Retirar la remisión de {service} a {agency}",
  "referral.withdraw_confirm":
    "¿Retirar esta remisión? Se avisa a {agency} de que ya no necesita responderla.",
  "referral.withdrawn": "Se retiró la remisión.",
  "referral.sent_at": "enviada el {at}",
  "referral.person": "Persona",
  "referral.to_agency": "A la agencia",
  "referral.service_hint": "Lo que pide a la agencia.",
  "referral.share_identity":
    "Compartir el nombre y la fecha de nacimiento de la persona con la agencia",
  "referral.share_identity_hint":
    "Déjelo sin marcar salvo que la agencia necesite el nombre. Un registro de servicios a víctimas solo se comparte con el consentimiento por escrito de la persona registrado, o cuando la ley exige un reporte (el reporte de un menor a CPS).",
  "referral.basis": "Con qué fundamento",
  "referral.basis_hint":
    "Si ninguna ley lo exige, hace falta el consentimiento por escrito de la persona.",
  "referral.basis_consent": "El consentimiento por escrito de la persona",
  "referral.send": "Enviar la remisión",
};
