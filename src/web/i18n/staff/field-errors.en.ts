/** English: problems with one field, in plain words, shown next to it (issue 13). */
export const fieldErrorsEn = {
  "field_error.too_long": "This is too long. Shorten it and try again.",
  "field_error.too_short": "This is too short. Add to it, or leave it empty if it is optional.",
  "field_error.too_large": "This number is too large.",
  "field_error.too_small": "This number is too small.",
  "field_error.date": "Enter a date with day, month and year.",
  "field_error.number": "Enter a whole number.",
  "field_error.invalid": "This is not valid. Check it and try again.",
  "consistency.birth_date_in_future": "The birth date is after the day the report was received.",
  "consistency.age_disagrees_with_birth_date":
    "This age does not match the birth date: on the day the report was received the person was {age}.",
  "consistency.age_disagrees_with_screening":
    "The screening recorded the victim as {age} years old. Correct the age here, or go back and correct the screening.",
  "consistency.minority_disagrees_with_screening.minor":
    "The screening recorded the victim as under 18. Correct the age here, or go back and correct the screening.",
  "consistency.minority_disagrees_with_screening.adult":
    "The screening recorded the victim as 18 or older. Correct the age here, or go back and correct the screening.",
  "consistency.ends_before_start": "The end date must be on or after the start date.",
};
