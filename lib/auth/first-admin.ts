import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { authUsers, firstAdminCodes } from '../db/schema';
import type { Env } from '../env';
import { createPasswordUser, UserInputError } from './users';

/*
 * The first administrator, made in the browser while the server runs (PGlite admits one process at a time, so
 * `npm run user:create` would mean stopping the server `npm run setup` started). While no administrator exists,
 * the server makes a one-time code at start, prints it on its console and writes it to a file only its owner
 * can read; /forsta-start asks for it. Once an administrator exists the page is gone and the file removed.
 *
 * The codes are kept (hashed) in the database, not in the process: with several app instances behind one address,
 * any of them accepts the code another printed. Each start adds its own code, and every code stays good until the
 * first administrator exists (instances in one folder share the file: it names the last one's code).
 */

const hashCode = (code: string) => createHash('sha256').update(code.trim()).digest('hex');

/** The file this process wrote its code to (each instance removes its own once an administrator exists). */
const g = globalThis as typeof globalThis & { __trygghetFirstAdminFile?: string };

function removeCodeFile(): void {
  if (g.__trygghetFirstAdminFile) fs.rmSync(g.__trygghetFirstAdminFile, { force: true });
  g.__trygghetFirstAdminFile = undefined;
}

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
    await db.delete(firstAdminCodes);
    fs.rmSync(file, { force: true });
    g.__trygghetFirstAdminFile = undefined;
    return null;
  }
  const token = randomBytes(18).toString('base64url');
  await db
    .insert(firstAdminCodes)
    .values({ codeHash: hashCode(token) })
    .onConflictDoNothing();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true }); // a file from another owner or mode: written anew with 0600
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  g.__trygghetFirstAdminFile = file;
  log(
    `Trygghetsläget: det finns ingen administratör ännu. Skapa den första på /forsta-start med engångskoden ${token} (finns också i ${file}).`,
  );
  return token;
}

async function hasCode(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(firstAdminCodes);
  return (row?.n ?? 0) > 0;
}

/** Whether /forsta-start is open: a server made a code and no administrator exists yet. */
export async function firstAdminOpen(db: Db): Promise<boolean> {
  const open = (await hasCode(db)) && !(await hasAdministrator(db));
  // Another instance made the administrator: this one's file goes too.
  if (!open && g.__trygghetFirstAdminFile) removeCodeFile();
  return open;
}

export class FirstAdminRefused extends Error {}

/**
 * Creates the first administrator with a one-time code. Refused with a wrong code, or once an administrator
 * exists; every code is claimed (deleted, in one statement) before the user is written, so two posts at once —
 * to one instance or two — make one administrator, and the codes are given back when the input is refused, so a
 * typo can be corrected.
 */
export async function createFirstAdmin(
  db: Db,
  input: { token: string; email: string; name?: string; password: string; repeat: string },
  ip: string | null,
): Promise<{ id: string; email: string }> {
  const refused = () => new FirstAdminRefused('Det finns redan en administratör: logga in, eller be en administratör att bjuda in dig.');
  if ((await hasAdministrator(db)) || !(await hasCode(db))) throw refused();
  const given = hashCode(input.token);
  const [known] = await db.select({ codeHash: firstAdminCodes.codeHash }).from(firstAdminCodes).where(eq(firstAdminCodes.codeHash, given));
  if (!input.token.trim() || !known) {
    // A post that claimed the code a moment ago (between the check above and this look-up) makes this one too late,
    // not wrong: say that, as to every later post.
    if ((await hasAdministrator(db)) || !(await hasCode(db))) throw refused();
    throw new UserInputError('Engångskoden stämmer inte. Den står i serverns utskrift och i filen som nämns på sidan.');
  }
  if (input.password !== input.repeat) throw new UserInputError('Lösenorden är inte lika.');
  const claimed = await db
    .delete(firstAdminCodes)
    .where(sql`exists (select 1 from ${firstAdminCodes} where ${firstAdminCodes.codeHash} = ${given})`)
    .returning({ codeHash: firstAdminCodes.codeHash, createdAt: firstAdminCodes.createdAt });
  // Another post claimed them first.
  if (!claimed.some((c) => c.codeHash === given)) throw refused();
  try {
    const email = input.email.trim().toLowerCase();
    const { id } = await createPasswordUser(
      db,
      { email, name: input.name, role: 'admin', password: input.password },
      { actorId: null, actor: `första start (${ip ?? 'okänd adress'})` },
    );
    await db.delete(firstAdminCodes);
    removeCodeFile();
    return { id, email };
  } catch (err) {
    await db.insert(firstAdminCodes).values(claimed).onConflictDoNothing();
    throw err;
  }
}
