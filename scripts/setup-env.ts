// Part of `npm run setup`: production (`next start`) refuses to start without a session secret, so a newcomer's
// first run gets one, written to .env.local (git-ignored; Next reads it at start). An existing secret is kept.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

const file = '.env.local';
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
if (process.env.BETTER_AUTH_SECRET || /^BETTER_AUTH_SECRET=\S{32,}/m.test(current)) {
  console.log('BETTER_AUTH_SECRET finns redan: behåller den.');
} else {
  const line = `# Skapad av npm run setup ${new Date().toISOString().slice(0, 10)}: nyckeln för sessioner. Dela den inte.\nBETTER_AUTH_SECRET=${randomBytes(32).toString('base64url')}\n`;
  fs.writeFileSync(file, (current && !current.endsWith('\n') ? `${current}\n` : current) + line, { mode: 0o600 });
  console.log(`Skapade en BETTER_AUTH_SECRET i ${file}.`);
}
const now = fs.readFileSync(file, 'utf8');
if (!process.env.APP_URL && !/^APP_URL=/m.test(now)) {
  fs.appendFileSync(file, '# Adressen appen nås på. Sätt https://… i drift: då blir kakor Secure och HSTS skickas.\nAPP_URL=http://localhost:3000\n');
  console.log(`Satte APP_URL=http://localhost:3000 i ${file}.`);
}
