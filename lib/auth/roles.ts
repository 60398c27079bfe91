import { ROLE_LABELS, ROLES, type Role } from '../vocabulary';

export { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES, type Role } from '../vocabulary';

const RANK: Record<Role, number> = { reader: 1, coordinator: 2, admin: 3 };

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (ROLES as readonly string[]).includes(v);
}

/** The Swedish names people type (also without å ä ö), and English spellings, for each stored role. */
const SPOKEN: Record<string, Role> = {
  läsare: 'reader',
  lasare: 'reader',
  samordnare: 'coordinator',
  administratör: 'admin',
  administrator: 'admin',
};

/** Accepts the role as typed on a command line or in a form: "administratör", "administrator", "Samordnare", "admin". */
export function parseRole(v: string): Role | null {
  const norm = v.trim().toLowerCase().normalize('NFC');
  if (isRole(norm)) return norm;
  return SPOKEN[norm] ?? null;
}

/** The role's name as people read it ("samordnare"), in running text; an unknown string as it is. */
export function roleName(role: string): string {
  return isRole(role) ? ROLE_LABELS[role].toLowerCase() : role;
}

/** Whether a user with `have` may do what needs `need`. An unknown role string may do nothing. */
export function roleAtLeast(have: string | null | undefined, need: Role): boolean {
  return isRole(have) && RANK[have] >= RANK[need];
}
