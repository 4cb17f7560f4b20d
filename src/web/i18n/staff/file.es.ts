import type { fileEn } from "./file.en.ts";

/** Spanish, same keys as `file.en.ts`. */
export const fileEs: Record<keyof typeof fileEn, string> = {
  "file.confidential": "Confidencial",
  "file.shared": "Compartido con el equipo del caso",
  "file.about": "sobre {person}",
  "file.about_label": "Sobre",
  "file.about_hint":
    "Un consentimiento para compartir notas del caso cubre lo que trata de esa persona.",
  "file.about_nobody": "El caso en general",
  "file.confidential_choice": "Confidencial para mi agencia",
  "file.confidential_hint":
    "Marcado: solo su agencia, y las agencias con las que la persona consintió compartirlo, pueden leerlo. Sin marcar: todo el equipo del caso puede leerlo. Empieza como lo habitual en su agencia.",
  "note.none": "No hay notas que usted pueda leer.",
  "note.add": "Añadir una nota",
  "note.body": "Nota",
  "note.save": "Guardar la nota",
  "note.added_confidential": "Nota guardada. Es confidencial para su agencia.",
  "note.added_shared": "Nota guardada. Se comparte con el equipo del caso.",
  "document.none": "No hay documentos que usted pueda ver.",
  "document.add": "Añadir un documento",
  "document.file": "Archivo",
  "document.file_hint": "PDF, PNG, JPEG o texto. Se guarda cifrado.",
  "document.upload": "Subir",
  "document.added": "Documento añadido.",

  "consent.lead":
    "Un consentimiento permite a otra agencia ver lo que la persona aceptó compartir, hasta que vence o se revoca.",
  "consent.none_held": "Todavía no hay nadie registrado en este caso.",
  "consent.none": "No hay consentimientos registrados.",
  "consent.valid": "Válido",
  "consent.revoked": "Revocado",
  "consent.expired": "Vencido",
  "consent.until": "hasta el {at}",
  "consent.revoke": "Revocar",
  "consent.revoke_named": "Revocar el consentimiento para {agency}",
  "consent.add": "Registrar un consentimiento",
  "consent.recorded": "Consentimiento registrado.",
  "consent.person": "De quién es el registro",
  "consent.given_by": "Lo da",
  "consent.given_by_hint":
    "Un adulto consiente por sí mismo. Por un menor puede consentir su madre, padre o tutor registrado como familia en el caso; un presunto tratante, comprador o facilitador nunca puede.",
  "consent.given_by_self": "La propia persona",
  "consent.recipient": "Se comparte con",
  "consent.categories": "Qué se puede compartir",
  "consent.purpose": "Para qué",
  "consent.purpose_hint":
    "Por qué se comparte, tal como lo aceptó la persona, por ejemplo «remisión para vivienda».",
  "consent.form": "Cómo se dio",
  "consent.expires": "Válido hasta",
  "consent.expires_hint": "Como máximo un año.",
  "consent.save": "Registrar el consentimiento",

  "timeline.none": "Todavía no hay nada registrado.",
  "timeline.by": "por {name}",
};
