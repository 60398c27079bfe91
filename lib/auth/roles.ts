import { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, ROLE_LABELS, ROLES, type MembershipRole, type Role } from '../vocabulary';

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

/** As parseRole, and also "regionsamordnare" (regional_coordinator). */
export function parseMembershipRole(v: string): MembershipRole | null {
  const norm = v.trim().toLowerCase().normalize('NFC');
  if (norm === 'regionsamordnare' || norm === 'regional_coordinator') return 'regional_coordinator';
  return parseRole(norm);
}

/** The role's name as people read it ("samordnare"), in running text; an unknown string as it is. */
export function roleName(role: string): string {
  if (isRole(role)) return ROLE_LABELS[role].toLowerCase();
  return isMembershipRole(role) ? MEMBERSHIP_ROLE_LABELS[role].toLowerCase() : role;
}

/** Whether a user with `have` may do what needs `need`. An unknown role string may do nothing. */
export function roleAtLeast(have: string | null | undefined, need: Role): boolean {
  return isRole(have) && RANK[have] >= RANK[need];
}

export { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, type MembershipRole } from '../vocabulary';

/** A user's role in one kommun or län, as stored in memberships. */
export interface Membership {
  regionCode: string;
  role: MembershipRole;
}

/** What roleIn needs of a user: the installation role (better-auth's) and the memberships. */
export interface RoleHolder {
  role: string;
  memberships: readonly Membership[];
}

export function isMembershipRole(v: unknown): v is MembershipRole {
  return typeof v === 'string' && (MEMBERSHIP_ROLES as readonly string[]).includes(v);
}

/** The län a kommun lies in: a kommunkod's first two digits are its länskod (2083 → 20). */
export function lanOf(kommunCode: string): string {
  return kommunCode.slice(0, 2);
}

/** Whether a role may be held on this region: kommun roles on a 4-digit kommunkod, regionsamordnare on a 2-digit länskod. */
export function fitsRegion(role: MembershipRole, regionCode: string): boolean {
  return role === 'regional_coordinator' ? /^\d{2}$/.test(regionCode) : /^\d{4}$/.test(regionCode);
}

/**
 * What a user may do in kommun `kommunCode`: the installation's administrator is admin everywhere; otherwise the
 * membership on that kommun; otherwise läsare (every signed-in user reads every kommun, a regionsamordnare included,
 * but writes nothing there). Null for nobody signed in.
 */
export function roleIn(user: RoleHolder | null | undefined, kommunCode: string): Role | null {
  if (!user) return null;
  if (user.role === 'admin') return 'admin';
  const m = user.memberships.find((x) => x.regionCode === kommunCode && isRole(x.role));
  return m && isRole(m.role) ? m.role : 'reader';
}

/** Whether a user holds at least `need` in kommun `kommunCode`. */
export function mayIn(user: RoleHolder | null | undefined, need: Role, kommunCode: string): boolean {
  return roleAtLeast(roleIn(user, kommunCode), need);
}

/**
 * Whether a user holds at least `need` in some kommun: for what is shared by every kommun (imports of public
 * statistics and their undo).
 */
export function mayInAnyKommun(user: RoleHolder | null | undefined, need: Role): boolean {
  if (!user) return false;
  if (need === 'reader') return true; // every signed-in user reads every kommun
  return user.role === 'admin' || user.memberships.some((m) => fitsRegion(m.role, m.regionCode) && roleAtLeast(m.role, need));
}

/** The kommuner whose memberships this user may manage: every region for the installation's administrator (null). */
export function managedKommuner(user: RoleHolder): string[] | null {
  if (user.role === 'admin') return null;
  return user.memberships.filter((m) => m.role === 'admin').map((m) => m.regionCode);
}

/** Whether a user may give or take a role on a region: the installation's administrator anywhere, a kommun's admin on that kommun. */
export function mayManage(user: RoleHolder | null | undefined, regionCode: string): boolean {
  if (!user) return false;
  const managed = managedKommuner(user);
  return managed === null || managed.includes(regionCode);
}
