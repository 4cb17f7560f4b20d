import type { closingEn } from "./closing.en.ts";

/** Spanish, same keys as `closing.en.ts`. */
export const closingEs: Record<keyof typeof closingEn, string> = {
  "closing.outcome_needed": "Elija el resultado antes de cerrar el caso.",
  "closing.due_now": "Vence ahora",
  "closing.made_by_intake": "Hecho por esta admisión: recibido por el propio CPS ({statute})",
  "closing.evidence.at": "Cuándo",
  "closing.at": "Cuándo hizo el reporte",
  "closing.at_hint": "La fecha y hora de la llamada o del reporte escrito.",
  "closing.report_needs":
    "La ley exige este reporte ({citation}): indique su número de referencia, a quién contactó y cuándo.",
  "closing.missing.reference": "Indique el número de referencia que la agencia dio a este reporte.",
  "closing.missing.spokeWith": "Indique a quién reportó: la persona u oficina que contactó.",
  "closing.missing.at": "Indique cuándo se hizo el reporte.",
  "closing.future.at": "La hora del reporte no puede estar en el futuro.",
  "closing.errors_title": "Corrija los campos marcados.",
  "closing.confirm.title": "¿Cerrar este caso?",
  "closing.confirm.lead":
    "Cerrar termina el trabajo en este caso. Revise primero lo que sigue abierto.",
  "closing.confirm.nothing_open": "No queda nada abierto en este caso.",
  "closing.confirm.open_obligations":
    "Obligaciones abiertas ({count}): cada una debe cumplirse o retirarse con un motivo antes de cerrar el caso.",
  "closing.confirm.retire_reason": "Por qué «{action}» ya no hace falta",
  "closing.confirm.retire_hint": "Déjelo vacío para mantenerla abierta (el caso sigue abierto).",
  "closing.confirm.pending_referrals":
    "Remisiones sin respuesta ({count}): antes de cerrar el caso, la agencia que recibe cada una debe responderla, o la agencia que la envió debe retirarla.",
  "closing.confirm.to_referrals": "Ir a las remisiones para retirar una",
  "closing.confirm.referral": "{domain}, enviada el {at}",
  "closing.confirm.submit": "Sí, cerrar el caso",
  "closing.confirm.cancel": "Mantenerlo abierto",
  "closing.case_closed_note": "Este caso está cerrado. Reábralo para añadir algo.",
  "closing.reopen_confirm": "¿Reabrir este caso? Queda registrado en la cronología.",
  "error.code.case_closed": "Este caso está cerrado. Reábralo para añadir algo.",
};
