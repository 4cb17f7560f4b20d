import type { caseHeaderEn } from "./case-header.en.ts";

export const caseHeaderEs: Record<keyof typeof caseHeaderEn, string> = {
  "case_header.next": "Próximo plazo",
  "case_header.no_deadline": "No hay nada pendiente",
  "case_header.worker": "Asignado a",
  "case_header.no_worker": "Nadie todavía",
  "case_header.sections": "Secciones de este caso",
  "case.tip.title": "Lo que dijo el reporte",
  "case.tip.venue": "Dónde ocurrió",
  "case.tip.words": "En palabras de quien lo envió",
  "case.tip.contact": "Cómo contactar a quien lo envió",
};
