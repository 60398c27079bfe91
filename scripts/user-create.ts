// npm run user:create -- --email <adress> --role <läsare|samordnare|administratör|regionsamordnare> [--kommun <kod>] [--lan <kod>]
//   [--name <namn>] [--password-stdin]
// Creates a user with an e-mail + password account. Without --password-stdin a strong password is generated
// and printed once. Läsare and samordnare are given in --kommun (default: the installation's first kommun);
// regionsamordnare in the län --lan names (--lan alone implies that role); administratör is the installation's
// administrator. Exit 0 = created, 1 = refused, 2 = usage error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { firstAdminTokenFile } from '../lib/auth/first-admin';
import { MEMBERSHIP_ROLE_LABELS, MEMBERSHIP_ROLES, parseMembershipRole, roleName } from '../lib/auth/roles';
import { createPasswordUser, generatePassword, UserInputError } from '../lib/auth/users';
import { openDbFromEnv } from '../lib/db/client';
import { describeDbError } from '../lib/db/errors';
import { DatabaseBusyError } from '../lib/db/pglite-lock';
import { localAppUrl, readEnv } from '../lib/env';

const SPOKEN = MEMBERSHIP_ROLES.map((r) => MEMBERSHIP_ROLE_LABELS[r].toLowerCase());
const USAGE = `Användning: npm run user:create -- --email <adress> --role <${SPOKEN.join('|')}> [--kommun <kommunkod>] [--lan <länskod>] [--name <namn>] [--password-stdin]`;

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let values: { email?: string; role?: string; kommun?: string; lan?: string; name?: string; 'password-stdin'?: boolean; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      kommun: { type: 'string' },
      lan: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  }));
} catch (err) {
  usage((err as Error).message);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!values.email) usage('Ange --email.');
// --lan alone names a regionsamordnare's län.
const roleArg = values.role ?? (values.lan !== undefined ? 'regionsamordnare' : undefined);
if (!roleArg) usage('Ange --role.');
const role = parseMembershipRole(roleArg);
if (!role) usage(`Okänd roll "${roleArg}": välj ${SPOKEN.join(', ')}.`);
if (values.kommun !== undefined && !/^\d{4}$/.test(values.kommun))
  usage(`Ogiltig kommunkod "${values.kommun}": ange fyra siffror, t.ex. 2083.`);
if (values.lan !== undefined && !/^\d{2}$/.test(values.lan)) usage(`Ogiltig länskod "${values.lan}": ange två siffror, t.ex. 20.`);
if (role === 'regional_coordinator' && values.lan === undefined) usage('Ange --lan <länskod> för en regionsamordnare, t.ex. --lan 20.');
if (role === 'regional_coordinator' && values.kommun !== undefined)
  usage('En regionsamordnare har sin roll i ett län: ange --lan, inte --kommun.');
if (role !== 'regional_coordinator' && values.lan !== undefined) usage('--lan ges bara med rollen regionsamordnare.');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
const generated = !values['password-stdin'];
const password = generated ? generatePassword() : await readStdin();

let handle;
try {
  handle = await openDbFromEnv();
} catch (err) {
  if (err instanceof DatabaseBusyError) {
    const env = readEnv();
    console.error(err.message);
    console.error(
      fs.existsSync(firstAdminTokenFile(env))
        ? `Den första administratören skapas utan att stoppa servern: öppna ${localAppUrl(env)}/forsta-start och ange engångskoden i ${path.relative(process.cwd(), firstAdminTokenFile(env))}.`
        : `Övriga användare bjuds in av en administratör på ${localAppUrl(env)}/admin/anvandare medan servern kör.`,
    );
  } else {
    console.error(`Databasen kunde inte öppnas: ${describeDbError(err)}`);
  }
  process.exit(1);
}
try {
  await createPasswordUser(
    handle.db,
    { email: values.email, name: values.name, role, password, kommun: values.kommun, lan: values.lan },
    { actorId: null, actor: `kommandoraden (${os.userInfo().username})` },
  );
  const where = values.lan ? ` i län ${values.lan}` : values.kommun && role !== 'admin' ? ` i kommun ${values.kommun}` : '';
  console.log(`Användaren ${values.email.trim().toLowerCase()} skapades med rollen ${roleName(role)}${where}.`);
  if (generated) console.log(`Lösenord (visas bara nu, byt det under Konto efter första inloggningen): ${password}`);
} catch (err) {
  console.error(err instanceof UserInputError ? err.message : `Användaren kunde inte skapas: ${describeDbError(err)}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
