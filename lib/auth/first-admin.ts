import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authUsers } from '../db/schema';
import type { Env } from '../env';
import { createPasswordUser, UserInputError } from './users';

/*
 * The first administrator, made in the browser while the server runs (PGlite admits one process at a time, so
 * `npm run user:create` would mean stopping the server `npm run setup` started). While no administrator exists,
 * the server makes a one-time code at start, prints it on its console and writes it to a file only its owner
 * can read; /forsta-start asks for it. Once an administrator exists the page is gone and the file removed.
 */

const g = globalThis as typeof globalThis & { __trygghetFirstAdmin?: { token: string | null; file: string } };

/** Where the one-time code is written: beside the PGlite directory, else `.data/`. */
export function firstAdminTokenFile(env: Pick<Env, 'DATABASE_URL' | 'PGLITE_DIR'>): string {
  const onDisk = !env.DATABASE_URL && env.PGLITE_DIR !== 'memory://';
  return onDisk ? path.join(path.dirname(path.resolve(env.PGLITE_DIR)), 'forsta-start.txt') : path.resolve('.data', 'forsta-start.txt');
}

export async function hasAdministrator(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(authUsers)
    .where(sql`${authUsers.role} = 'admin'`);
  return (row?.n ?? 0) > 0;
}

/**
 * At server start: while there is no administrator, a new one-time code (printed, and written with mode 0600);
 * otherwise no code, and a file left from before is removed. Returns the code, or null.
 */
export async function prepareFirstAdmin(
  db: Db,
  env: Pick<Env, 'DATABASE_URL' | 'PGLITE_DIR'>,
  log: (line: string) => void = console.log,
): Promise<string | null> {
  const file = firstAdminTokenFile(env);
  if (await hasAdministrator(db)) {
    g.__trygghetFirstAdmin = { token: null, file };
    fs.rmSync(file, { force: true });
    return null;
  }
  const token = randomBytes(18).toString('base64url');
  g.__trygghetFirstAdmin = { token, file };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true }); // a file from another owner or mode: written anew with 0600
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  log(
    `Trygghetsläget: det finns ingen administratör ännu. Skapa den första på /forsta-start med engångskoden ${token} (finns också i ${file}).`,
  );
  return token;
}

/** Whether /forsta-start is open: this server made a code and no administrator exists yet. */
export async function firstAdminOpen(db: Db): Promise<boolean> {
  return Boolean(g.__trygghetFirstAdmin?.token) && !(await hasAdministrator(db));
}

function sameToken(given: string, want: string): boolean {
  const a = Buffer.from(given.trim());
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class FirstAdminRefused extends Error {}

/**
 * Creates the first administrator with the one-time code. Refused with a wrong code, or once an administrator
 * exists; the code is claimed before the user is written (two posts at once make one administrator) and given
 * back when the input is refused, so a typo can be corrected.
 */
export async function createFirstAdmin(
  db: Db,
  input: { token: string; email: string; name?: string; password: string; repeat: string },
  ip: string | null,
): Promise<{ id: string; email: string }> {
  const refused = () => new FirstAdminRefused('Det finns redan en administratör: logga in, eller be en administratör att bjuda in dig.');
  const state = g.__trygghetFirstAdmin;
  if (!state?.token || (await hasAdministrator(db))) throw refused();
  // From here to the claim nothing awaits: another post that got this far meanwhile finds the code taken.
  const token = state.token;
  if (!token) throw refused();
  if (!sameToken(input.token, token))
    throw new UserInputError('Engångskoden stämmer inte. Den står i serverns utskrift och i filen som nämns på sidan.');
  if (input.password !== input.repeat) throw new UserInputError('Lösenorden är inte lika.');
  state.token = null;
  try {
    const email = input.email.trim().toLowerCase();
    const { id } = await createPasswordUser(
      db,
      { email, name: input.name, role: 'admin', password: input.password },
      { actorId: null, actor: `första start (${ip ?? 'okänd adress'})` },
    );
    fs.rmSync(state.file, { force: true });
    return { id, email };
  } catch (err) {
    state.token = token;
    throw err;
  }
}
