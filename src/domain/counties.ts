/**
 * Mississippi's 82 counties with their FIPS codes (state 28). Reference data for intake, routing
 * and the de-identified statistics of Miss. Code § 97-3-54.9, which are counted by county.
 */
export interface County {
  readonly fips: string;
  readonly name: string;
}

const names = [
  "Adams",
  "Alcorn",
  "Amite",
  "Attala",
  "Benton",
  "Bolivar",
  "Calhoun",
  "Carroll",
  "Chickasaw",
  "Choctaw",
  "Claiborne",
  "Clarke",
  "Clay",
  "Coahoma",
  "Copiah",
  "Covington",
  "DeSoto",
  "Forrest",
  "Franklin",
  "George",
  "Greene",
  "Grenada",
  "Hancock",
  "Harrison",
  "Hinds",
  "Holmes",
  "Humphreys",
  "Issaquena",
  "Itawamba",
  "Jackson",
  "Jasper",
  "Jefferson",
  "Jefferson Davis",
  "Jones",
  "Kemper",
  "Lafayette",
  "Lamar",
  "Lauderdale",
  "Lawrence",
  "Leake",
  "Lee",
  "Leflore",
  "Lincoln",
  "Lowndes",
  "Madison",
  "Marion",
  "Marshall",
  "Monroe",
  "Montgomery",
  "Neshoba",
  "Newton",
  "Noxubee",
  "Oktibbeha",
  "Panola",
  "Pearl River",
  "Perry",
  "Pike",
  "Pontotoc",
  "Prentiss",
  "Quitman",
  "Rankin",
  "Scott",
  "Sharkey",
  "Simpson",
  "Smith",
  "Stone",
  "Sunflower",
  "Tallahatchie",
  "Tate",
  "Tippah",
  "Tishomingo",
  "Tunica",
  "Union",
  "Walthall",
  "Warren",
  "Washington",
  "Wayne",
  "Webster",
  "Wilkinson",
  "Winston",
  "Yalobusha",
  "Yazoo",
] as const;

// County FIPS codes are the odd numbers 001-163 in alphabetical order of the county names.
export const MISSISSIPPI_COUNTIES: readonly County[] = names.map((name, i) => ({
  fips: `28${String(2 * i + 1).padStart(3, "0")}`,
  name,
}));

const byFips = new Map(MISSISSIPPI_COUNTIES.map((c) => [c.fips, c]));

export function countyByFips(fips: string): County | undefined {
  return byFips.get(fips);
}
