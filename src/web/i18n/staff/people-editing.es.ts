import type { peopleEditingEn } from "./people-editing.en.ts";

/** Español: cambiar, añadir y retirar a las personas de un caso después de la admisión. */
export const peopleEditingEs: Record<keyof typeof peopleEditingEn, string> = {
  "people.edit": "Editar",
  "people.edit_title": "Cambiar a {person}",
  "people.add": "Añadir persona",
  "people.add_title": "Añadir una persona a este caso",
  "people.save": "Guardar cambios",
  "people.saved": "Se guardaron los cambios.",
  "people.nothing_changed": "No se cambió nada.",
  "people.added": "La persona se añadió al caso.",
  "people.remove": "Retirar del caso",
  "people.remove_title": "Retirar a {person} de este caso",
  "people.remove_reason": "Por qué se retira de este caso",
  "people.remove_hint":
    "Por ejemplo: se registró en el caso equivocado, o está duplicada. El registro y su historial se conservan.",
  "people.remove_reason_needed": "Diga por qué, en pocas palabras (al menos 3 caracteres).",
  "people.remove_confirm":
    "¿Retirar a {person} de este caso? Ya no aparecerá en él; la cronología conserva lo sucedido.",
  "people.remove_yes": "Sí, retirarla",
  "people.removed": "La persona se retiró del caso.",
  "people.fields_changed": "Cambiado: {fields}",
  "people.new_person": "Persona nueva",
  "person_field.givenName": "nombre",
  "person_field.familyName": "apellido",
  "person_field.birthDate": "fecha de nacimiento",
  "person_field.phone": "teléfono",
  "person_field.address": "dirección",
  "person_field.ageYears": "edad",
  "person_field.gender": "género",
  "person_field.citizenship": "ciudadanía",
  "person_field.language": "idioma",
  "person_field.placement": "ubicación o colocación",
  "person_field.contacts": "contactos",
  "person_field.nonOffending": "tutor no agresor",
};
