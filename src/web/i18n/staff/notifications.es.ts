import type { notificationsEn } from "./notifications.en.ts";

/** Español: el centro de avisos (issue 13, punto 10). */
export const notificationsEs: Record<keyof typeof notificationsEn, string> = {
  "nav.notifications": "Avisos",
  "notifications.unread": "{count} sin leer",
  "notifications.unread_more": "más de {count} sin leer",
  "notifications.title": "Avisos",
  "notifications.lead":
    "Lo que pasó en sus casos y en el trabajo de su agencia. Nombran un número de caso, nunca a una persona: abra uno para ver el caso.",
  "notifications.empty": "Todavía no tiene avisos.",
  "notifications.mark_all": "Marcar todos como leídos",
  "notifications.marked_all": "Todos sus avisos están marcados como leídos.",
  "notifications.mark_read": "Marcar como leído",
  "notifications.new": "Nuevo",
  "notifications.more": "Ver anteriores",
  "notifications.a_case": "un caso",
  "notifications.answer.accepted": "aceptada",
  "notifications.answer.declined": "rechazada",
  "notifications.answer.completed": "marcada como completada",
  "notifications.seat_answer.accepted": "aceptado",
  "notifications.seat_answer.declined": "rechazado",
  "notice.case.assigned": "Se le asignó el caso {case}.",
  "notice.case.transferred": "Se le transfirió el caso {case}.",
  "notice.case_routed":
    "El caso {case}, un reporte sobre un menor de su condado, se envió a su agencia.",
  "notice.routing.fallback.statewide":
    "Caso {case}: la oficina de CPS del condado no tiene a nadie, así que pasó a la oficina estatal.",
  "notice.routing.fallback.no_one":
    "Caso {case}: no se pudo llegar a ningún investigador de CPS. Alguien debe tomarlo ahora.",
  "notice.obligation.assigned": "{action} en el caso {case} ahora es suya.",
  "notice.obligation.reminder": "Recordatorio: {action} en el caso {case}, vence {due}.",
  "notice.obligation.reminder_percent":
    "Recordatorio: {action} en el caso {case}, vence {due}. Ya pasó el {percent} % de su plazo.",
  "notice.obligation.escalation":
    "Vencida: {action} en el caso {case} vencía {due} y sigue abierta.",
  "notice.rat_seat_offered":
    "Se le ofrece el puesto de {seat} en el Equipo de Evaluación Rápida del caso {case}. Responda en Mi trabajo.",
  "notice.rat_seat_answered": "El puesto de {seat} en el equipo del caso {case} fue {answer}.",
  "notice.referral_received":
    "Una derivación del caso {case} espera la respuesta de su agencia en Mi trabajo.",
  "notice.referral_answered": "La derivación de su agencia en el caso {case} fue {answer}.",
  "notice.referral_withdrawn": "La agencia que envió la derivación del caso {case} la retiró.",
  "notice.break_glass_opened":
    "Alguien fuera de su agencia abrió el caso {case} por acceso de emergencia, hasta {until}. El registro de auditoría muestra quién.",
};
