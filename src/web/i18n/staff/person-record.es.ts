import type { personRecordEn } from "./person-record.en.ts";

/** Spanish, same keys as `person-record.en.ts`. */
export const personRecordEs: Record<keyof typeof personRecordEn, string> = {
  "person.narrative": "Lo que se reportó (opcional)",
  "person.narrative_hint":
    "Con las palabras de quien reporta. Se guarda cifrado; solo lo ven quienes leen el expediente.",
  "person.language": "Idioma que habla (opcional)",
  "person.placement": "Dónde está ahora, o su colocación (opcional)",
  "person.phone": "Teléfono (opcional)",
  "person.email": "Correo electrónico (opcional)",
  "person.not_safe": "No llamar: no es seguro contactar por esta vía",
  "person.non_offending": "Tutor no agresor (no se sospecha que participó en el abuso)",
  "person.contacts": "Contactos",
  "person.do_not_contact": "No contactar",
  "identity.contacts": "Contactos",
  "identity.placement": "Ubicación o colocación",
};
