import { mayInAnyKommun, roleName } from '@/lib/auth/roles';
import { sessionUserFrom } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

const RANK = { reader: 1, regional_coordinator: 2, coordinator: 3, admin: 4 } as const;

/**
 * The signed-in user for the header's account menu: what to call their role and which links to offer. Only what the
 * menu shows; every write is checked on the server whatever it offered.
 */
export async function GET(request: Request) {
  const user = await sessionUserFrom(request.headers);
  if (!user) return Response.json({ user: null }, { headers: { 'cache-control': 'no-store' } });
  const strongest = user.memberships.reduce<keyof typeof RANK>((r, m) => (RANK[m.role] > RANK[r] ? m.role : r), 'reader');
  return Response.json(
    {
      user: {
        email: user.email,
        roleName: roleName(user.role === 'admin' ? 'admin' : strongest),
        mayImport: mayInAnyKommun(user, 'coordinator'),
        mayAdminister: user.role === 'admin',
        managesKommun: user.memberships.some((m) => m.role === 'admin'),
      },
    },
    { headers: { 'cache-control': 'no-store' } },
  );
}
