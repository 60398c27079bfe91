import { ROLES, type Role } from '../vocabulary';

export { ROLE_DESCRIPTIONS, ROLES, type Role } from '../vocabulary';

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
