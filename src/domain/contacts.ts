/**
 * Phone numbers from DOMAIN.md §4–5. `tel` is the dialable form for tap-to-call links.
 */
export interface Contact {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
  readonly tel: string;
  readonly hours?: string;
}

const contact = (id: string, name: string, phone: string, hours?: string): Contact => ({
  id,
  name,
  phone,
  tel: `+1${phone.replace(/\D/g, "").replace(/^1/, "")}`,
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
