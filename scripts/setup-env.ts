// Part of `npm run setup`: production (`next start`) refuses to start without a session secret, so a newcomer's
// first run gets one, written to .env.local (git-ignored; Next reads it at start). An existing secret is kept.
// APP_URL is not pinned to a port: unset, each request's own address counts, so `PORT=3005 npm run setup` works.
// ENV_FILE names another file to write (the first-run test writes a temporary one).
import fs from 'node:fs';
import { planEnvFile } from '../lib/setup-env';

const file = process.env.ENV_FILE || '.env.local';
const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
const plan = planEnvFile(current, process.env, new Date());
if (plan.content !== current) fs.writeFileSync(file, plan.content, { mode: 0o600 });
for (const line of plan.messages) console.log(line.replace('{file}', file));
