/** English: the consent step a referral with the person's name needs (who records it, where). */
export const consentStepEn = {
  "consent_step.title": "The person's consent is needed",
  "consent_step.advocate":
    "An advocate at {holder} records the person's written consent to share their name with {recipient}.",
  "consent_step.statute_only":
    "{holder} does not keep consents in Waypoint: send the referral without the name, choose the law that requires it, or ask the person's advocate to send it under their consent.",
  "consent_step.ask": "Ask them to record it, then send the referral again.",
  "consent_step.on_record":
    "A consent to share the name with {recipient} is on record now: send the referral again.",
  "consent_step.record": "Record consent",
  "consent_step.recorded": "Consent recorded. Send the referral again to share the name.",
  "consent_step.purpose": "Referral to {recipient}",
} as const;
