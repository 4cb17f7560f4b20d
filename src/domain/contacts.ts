/**
 * Phone numbers from DOMAIN.md §4–5. `tel` is the dialable form for tap-to-call links:
 * E.164 (+1 and ten digits) for ordinary numbers, the bare digits for a short code such as
 * 911, which has no E.164 form (RFC 3966 §5.1.5: local numbers are written as dialled).
 */
export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly tel: string;
  readonly hours?: string;
}

/** Ten-digit numbers (with or without the leading 1) become +1…; short codes stay as dialled. */
function dialable(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.length <= 3) return digits;
  return `+1${digits.replace(/^1(?=\d{10}$)/, "")}`;
}

/** The href of a tap-to-call link for a contact. */
export const telHref = (contact: Pick<Contact, "tel">): string => `tel:${contact.tel}`;

const contact = (id: string, name: string, phone: string, hours?: string): Contact => ({
  id,
  name,
  phone,
  tel: dialable(phone),
  ...(hours ? { hours } : {}),
});

export const CONTACTS = {
  cpsHotline: contact("cps_hotline", "Mississippi CPS hotline", "1-800-222-8000", "24/7"),
  nationalHotline: contact(
    "national_hotline",
    "National Human Trafficking Hotline",
    "1-888-373-7888",
    "24/7",
  ),
  theTower: contact("the_tower", "The Tower (certified victim advocates)", "601-360-8701"),
  crisisLine: contact("crisis_line", "Crisis line", "800-266-4198"),
  adultProtectiveServices: contact(
    "adult_protective_services",
    "Adult Protective Services",
    "844-437-6282",
  ),
  emergency: contact("emergency", "Emergency", "911", "24/7"),
} as const satisfies Record<string, Contact>;
