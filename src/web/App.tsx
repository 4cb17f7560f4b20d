import { CONTACTS } from "../domain/contacts.ts";

const HOTLINES = [
  CONTACTS.emergency,
  CONTACTS.nationalHotline,
  CONTACTS.cpsHotline,
  CONTACTS.crisisLine,
];

/** The first page anyone sees: who to call, right now. The full app arrives with the web issue. */
export function App() {
  return (
    <main>
      <h1>Waypoint</h1>
      <p>
        If someone may be trafficked or in danger, you can get help now. Calls are answered by
        trained people; you do not need to be sure.
      </p>
      <ul className="hotlines" aria-label="Hotlines">
        {HOTLINES.map((c) => (
          <li key={c.id}>
            <a href={`tel:${c.tel}`}>
              {c.name}: {c.phone}
              {c.hours ? <small>{c.hours}</small> : null}
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
