import type { PublicMessageKey } from "./en.ts";

/** Spanish UI messages: the same keys as `en.ts`, in plain, calm, everyday Spanish. */
export const es: Record<PublicMessageKey, string> = {
  "common.loading": "Cargando…",
  "common.cancel": "Cancelar",
  "common.unknown": "No se sabe",
  "language.switch_to": "Cambiar el idioma a {language}",
  "layout.skip": "Saltar al contenido principal",
  "layout.public_nav": "Ayuda",
  "layout.staff_nav": "Personal",
  "layout.no_trace":
    "Este sitio no guarda nada en su dispositivo, pero el historial del navegador sí muestra la visita; una ventana privada no deja historial. Salida rápida (o la tecla Esc) lo lleva enseguida a un sitio web cualquiera.",
  "quick_exit.button": "Salida rápida",
  "quick_exit.hint":
    "Sale de este sitio enseguida y abre un sitio web cualquiera. También puede pulsar Esc.",
  "nav.screening": "Revisar una situación",
  "nav.tip": "Enviar un aviso",
  "nav.staff_sign_in": "Acceso del personal",
  "nav.my_work": "Mi trabajo",
  "nav.intake": "Nuevo ingreso",
  "nav.overdue": "Vencidas",
  "nav.audit": "Auditoría",
  "nav.sign_out": "Cerrar sesión",
  "not_found.title": "Esta página no existe",
  "not_found.home": "Ir a Ayuda inmediata",
  "session.sign_in_needed": "Inicie sesión para continuar.",
  "error.forbidden": "Su función no permite hacer esto.",
  "error.not_found":
    "No se encontró nada aquí. Puede que no exista o que esté fuera de lo que usted puede ver.",
  "error.load": "No se pudo cargar. Revise su conexión e inténtelo de nuevo.",

  "help.title": "Ayuda inmediata",
  "help.lead":
    "Si alguien puede ser víctima de trata o está en peligro, puede llamar ahora. Le atenderán personas capacitadas y no necesita estar seguro.",
  "help.hotlines": "Números de teléfono",
  "help.hours_24_7": "abierto las 24 horas, todos los días",
  "hotline.emergency": "Emergencias",
  "hotline.emergency.about": "Alguien está en peligro ahora mismo",
  "hotline.national": "Línea Nacional contra la Trata de Personas",
  "hotline.national.about": "Consejo y ayuda, confidencial, en muchos idiomas",
  "hotline.cps": "Servicios de Protección Infantil de Mississippi",
  "hotline.cps.about": "Reportar a un menor que puede ser víctima de trata o explotación",
  "hotline.tower": "The Tower, defensores certificados de víctimas",
  "hotline.tower.about": "Apoyo a víctimas: seguridad, refugio, acompañamiento",
  "hotline.crisis": "Línea de crisis",
  "hotline.crisis.about": "Hable con alguien ahora",
  "hotline.aps": "Servicios de Protección de Adultos",
  "hotline.aps.about": "Reportar sobre un adulto vulnerable",
  "help.screening.title": "¿No está seguro de lo que vio?",
  "help.screening.body":
    "Conteste unas preguntas y vea lo que pide la ley y quién puede ayudar. No se guarda nada de lo que conteste.",
  "help.screening.start": "Revisar una situación",
  "help.tip.title": "Avise sin dar su nombre",
  "help.tip.body":
    "Envíe un aviso breve al equipo de respuesta de Mississippi. No tiene que dar su nombre.",
  "help.tip.start": "Enviar un aviso",

  "screening.title": "Revisar una situación",
  "screening.start": "Empezar",
  "screening.next": "Siguiente",
  "screening.back": "Atrás",
  "screening.finish_now": "Parar aquí y ver qué hacer",
  "screening.restart": "Empezar de nuevo",
  "screening.progress": "Pregunta {n} · como mucho {more} más",
  "screening.choose_answer": "Elija una respuesta. «No sé» está bien.",
  "screening.age_or": "O, si no sabe la edad exacta:",
  "screening.age_invalid":
    "Escriba un número entero de {min} a {max}, o elija una respuesta más abajo.",
  "screening.error.network":
    "No pudimos conectar con Waypoint. Revise su conexión e inténtelo de nuevo.",
  "screening.error.rate_limited":
    "Demasiadas solicitudes ahora. Espere un minuto e inténtelo de nuevo.",
  "screening.error.failed": "Algo salió mal. Si alguien está en peligro, llame al 911.",
  "screening.after.title": "¿Quiere avisar a alguien?",
  "screening.after.body": "Puede enviar un aviso anónimo al equipo de respuesta de Mississippi.",
  "screening.help.title": "Dónde conseguir ayuda",
  "screening.help.lead":
    "Puede llamar a cualquiera de estos números, aunque no esté seguro. Le atiende personal capacitado.",
  "screening.cps.title": "Llame a CPS para hablarlo",
  "screening.cps.body":
    "Usted dijo que la persona es menor de 18 años. Los Servicios de Protección Infantil de Mississippi pueden hablarlo con usted, aunque no esté seguro de lo que vio. La línea atiende las 24 horas, todos los días:",
  "steps.what_to_do": "Qué hacer ahora",
  "steps.required_report": "Obligatorio por ley",
  "steps.who": "A quién",
  "steps.when": "Cuándo",
  "steps.source": "Fuente",
  "steps.why": "Por qué",

  "tip.title": "Enviar un aviso",
  "tip.lead":
    "Cuéntenos lo que vio, con sus palabras o marcando lo que sepa. Conteste solo lo que sepa. No le pedimos su nombre.",
  "tip.county": "Condado",
  "tip.county_unknown": "No sé",
  "tip.venue": "¿Dónde ocurrió?",
  "tip.venue_unknown": "No sé",
  "tip.seen": "¿Qué vio u oyó?",
  "tip.seen_hint": "Marque cada cosa que sepa que es cierta. Deje el resto.",
  "tip.narrative": "¿Qué pasó? (opcional)",
  "tip.narrative_hint":
    "Con sus palabras: dónde, cuándo, a quién vio. No ponga su propio nombre aquí a menos que quiera.",
  "tip.reach": "¿Cómo puede contactarle el equipo? (opcional)",
  "tip.reach_hint": "Un teléfono o correo, solo si es seguro para usted que le contacten.",
  "tip.contact.title": "¿Quiere hablar con alguien ahora?",
  "tip.contact.body":
    "No tiene que dejar su nombre ni su número. Para hablar con alguien ahora, llame a la Línea Nacional contra la Trata de Personas:",
  "tip.send": "Enviar el aviso",
  "tip.minor.title":
    "Un menor de 18 años: quien está obligado a reportar también debe llamar a CPS",
  "tip.minor.body":
    "Si la ley le obliga a reportar (por ejemplo, si es maestro, cuida niños, es enfermero u otro profesional médico, miembro del clero o agente de policía), este aviso no basta: la ley le exige llamar ahora a los Servicios de Protección Infantil de Mississippi y luego reportar por escrito ({statute}). La línea atiende las 24 horas, todos los días:",
  "tip.error.load":
    "No se pudo cargar parte del formulario. Revise su conexión e inténtelo de nuevo.",
  "tip.error.send": "No se pudo enviar el aviso. Revise su conexión e inténtelo de nuevo.",
  "tip.error.busy": "Demasiadas solicitudes ahora. Espere un minuto e inténtelo de nuevo.",
  "tip.error.empty":
    "El aviso está vacío. Escriba lo que vio, o marque al menos una cosa que notó, y luego envíelo.",
  "tip.sent.title": "Aviso enviado",
  "tip.sent.thanks": "Gracias. Su aviso llegó al equipo de respuesta de Mississippi.",
  "tip.sent.received":
    "Su aviso fue recibido. No se guarda nada de él en este dispositivo. Si dejó una forma de contactarle, el equipo puede comunicarse con usted; si no, no recibirá respuesta.",

  "venue.escort_service": "Servicio de acompañantes",
  "venue.illicit_massage_business": "Negocio de masajes",
  "venue.brothel": "Burdel",
  "venue.outdoor_solicitation": "En la calle o al aire libre",
  "venue.online": "En internet",
  "venue.hotel_or_motel": "Hotel o motel",
  "venue.truck_stop": "Parada de camiones",
  "venue.agriculture": "Granja o campo",
  "venue.domestic_work": "En una casa (trabajo doméstico)",
  "venue.restaurant": "Restaurante",
  "venue.cleaning_service": "Servicio de limpieza",
  "venue.carnival": "Feria o espectáculo ambulante",
  "venue.construction": "Construcción",
  "venue.other": "En otro lugar",

  "deadline.none": "Sin plazo",
  "deadline.due_in": "Vence en {span}",
  "deadline.overdue": "Vencida hace {span}",
};
