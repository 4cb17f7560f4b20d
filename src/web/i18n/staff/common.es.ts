import type { commonEn } from "./common.en.ts";

/** Spanish, same keys as `common.en.ts`. */
export const commonEs: Record<keyof typeof commonEn, string> = {
  "nav.open_cases": "Casos abiertos",
  "nav.task_forces": "Grupos de trabajo",
  "nav.users": "Cuentas",
  "nav.agencies": "Agencias",
  "nav.certifications": "Certificaciones",

  "common.save": "Guardar",
  "common.saving": "Guardando…",
  "common.reload": "Volver a cargar",
  "common.none": "Ninguno",
  "common.optional": "(opcional)",
  "common.choose": "Elija…",
  "common.yes": "Sí",
  "common.no": "No",
  "common.saved": "Guardado.",
  "stale.title": "Otra persona cambió esto",
  "stale.body":
    "Mientras usted trabajaba, otra persona cambió esto. No se guardó nada. Vuelva a cargar para verlo como está ahora.",
  "save.failed": "No se pudo guardar. Revise su conexión e inténtelo de nuevo.",
  "save.invalid": "No se pudo aceptar parte de esto: {detail}",
  "error.code.consent_required":
    "Para compartir el nombre de esta persona con esa agencia hace falta su consentimiento por escrito registrado. Envíe la remisión sin el nombre, o pida a quien la acompaña que registre primero un consentimiento.",
  "error.code.statutory_basis_not_met":
    "Esa ley no cubre esta remisión: solo se aplica cuando CPS recibe un reporte sobre una víctima menor de edad.",
  "error.code.certification_expired":
    "La certificación de esta persona para este puesto no es válida hoy. Elija a otra persona o renueve antes la certificación.",
  "error.code.role_not_grantable":
    "No puede asignar esta función. Solo un administrador del sistema puede hacerlo.",
  "error.code.role_does_not_fit_agency":
    "Esta función no corresponde a ese tipo de agencia. Elija otra función u otra agencia.",
  "error.code.certification_missing": "Esta persona no tiene certificación para este puesto.",
  "error.code.wrong_role": "Esta persona no tiene la función que pide este puesto.",
  "error.code.not_a_member": "Esta persona no es miembro del grupo de trabajo.",
  "error.code.not_a_minor": "El plan especializado de CPS es para una víctima menor de 18 años.",
  "error.code.invalid_transition": "Ese cambio no es posible desde el estado actual.",
  "error.code.consent_not_needed":
    "Este registro no lo tienen servicios a víctimas: no hace falta consentimiento.",
  "error.code.consent_giver_not_allowed":
    "Una persona sospechosa de explotar al menor nunca puede dar el consentimiento por él o ella.",
  "error.code.unsupported_media_type": "Solo se pueden añadir archivos PDF, PNG, JPEG y de texto.",
  "error.code.content_mismatch": "El contenido del archivo no corresponde a su tipo.",
  "error.code.too_large": "El archivo es demasiado grande.",
  "error.code.payload_too_large": "El archivo es demasiado grande.",
  "error.code.document_infected": "El análisis de virus rechazó este archivo.",
  "error.code.cannot_disable_self": "No puede desactivar su propia cuenta.",
  "error.code.already_closed": "Esto ya está cerrado.",
  "error.code.conflict": "Otra persona ya cambió esto. Vuelva a cargar e inténtelo de nuevo.",
};
