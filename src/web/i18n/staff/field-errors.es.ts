import type { fieldErrorsEn } from "./field-errors.en.ts";

/** Spanish, same keys as `field-errors.en.ts`. */
export const fieldErrorsEs: Record<keyof typeof fieldErrorsEn, string> = {
  "field_error.too_long": "Es demasiado largo. Acórtelo e inténtelo de nuevo.",
  "field_error.too_short": "Es demasiado corto. Complételo, o déjelo vacío si es opcional.",
  "field_error.too_large": "Este número es demasiado grande.",
  "field_error.too_small": "Este número es demasiado pequeño.",
  "field_error.date": "Escriba una fecha con día, mes y año.",
  "field_error.number": "Escriba un número entero.",
  "field_error.invalid": "Esto no es válido. Revíselo e inténtelo de nuevo.",
  "consistency.birth_date_in_future":
    "La fecha de nacimiento es posterior al día en que se recibió el reporte.",
  "consistency.age_disagrees_with_birth_date":
    "Esta edad no coincide con la fecha de nacimiento: el día en que se recibió el reporte la persona tenía {age} años.",
  "consistency.age_disagrees_with_screening":
    "La evaluación registró a la víctima con {age} años. Corrija la edad aquí, o vuelva y corrija la evaluación.",
  "consistency.minority_disagrees_with_screening.minor":
    "La evaluación registró a la víctima como menor de 18 años. Corrija la edad aquí, o vuelva y corrija la evaluación.",
  "consistency.minority_disagrees_with_screening.adult":
    "La evaluación registró a la víctima con 18 años o más. Corrija la edad aquí, o vuelva y corrija la evaluación.",
  "consistency.ends_before_start": "La fecha de fin debe ser igual o posterior a la de inicio.",
};
