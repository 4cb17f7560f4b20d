import type { consentStepEn } from "./consent-step.en.ts";

/** Spanish, same keys as `consent-step.en.ts`. */
export const consentStepEs: Record<keyof typeof consentStepEn, string> = {
  "consent_step.title": "Se necesita el consentimiento de la persona",
  "consent_step.advocate":
    "Un defensor de {holder} registra el consentimiento por escrito de la persona para compartir su nombre con {recipient}.",
  "consent_step.statute_only":
    "{holder} no guarda consentimientos en Waypoint: envíe la remisión sin el nombre, elija la ley que la exige o pida al defensor de la persona que la envíe con su consentimiento.",
  "consent_step.ask": "Pídale que lo registre y luego envíe la remisión de nuevo.",
  "consent_step.on_record":
    "Ya hay un consentimiento para compartir el nombre con {recipient}: envíe la remisión de nuevo.",
  "consent_step.record": "Registrar el consentimiento",
  "consent_step.recorded":
    "Consentimiento registrado. Envíe la remisión de nuevo para compartir el nombre.",
  "consent_step.purpose": "Remisión a {recipient}",
};
