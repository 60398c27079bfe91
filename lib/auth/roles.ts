/**
 * The three roles of Trygghetsläget, in rising order of what they may do. Stored as these exact Swedish words
 * (better-auth keeps a user's role as a string), so the database, the CLI and the UI speak the same language.
 */
export const ROLES = ['läsare', 'samordnare', 'administratör'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  läsare: 'Läser översikt, mål, indikatorer och importhistorik.',
  samordnare: 'Importerar och ångrar data, redigerar plan och åtgärder, för uppföljningens beslut.',
  administratör: 'Allt samordnaren får, och hanterar användare och roller samt läser ändringsloggen.',
};

const RANK: Record<Role, number> = { läsare: 1, samordnare: 2, administratör: 3 };

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** Accepts the role as typed on a command line or in a form: "administratör", "administrator", "Samordnare". */
export function parseRole(v: string): Role | null {
  const norm = v.trim().toLowerCase().normalize('NFC');
  if (isRole(norm)) return norm;
  const ascii: Record<string, Role> = { lasare: 'läsare', administrator: 'administratör', admin: 'administratör' };
  return ascii[norm] ?? null;
}

/** Whether a user with `have` may do what needs `need`. An unknown role string may do nothing. */
export function roleAtLeast(have: string | null | undefined, need: Role): boolean {
  return isRole(have) && RANK[have] >= RANK[need];
}
