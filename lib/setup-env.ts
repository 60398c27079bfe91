import { randomBytes } from 'node:crypto';

/** The block an earlier `npm run setup` wrote: it pinned APP_URL to port 3000 whatever PORT said. */
const PINNED_BY_SETUP =
  /^# Adressen appen nås på\. Sätt https:\/\/… i drift: då blir kakor Secure och HSTS skickas\.\nAPP_URL=http:\/\/localhost:\d+\n/m;
const DERIVED_NOTE =
  '# APP_URL är inte satt: adressen tas från varje förfrågan (vilken port som helst). I drift: APP_URL=https://… (då blir kakor Secure och HSTS skickas).\n';

export interface EnvFilePlan {
  /** The file's new content (unchanged when nothing was needed). */
  content: string;
  /** What was done, for the console; `{file}` stands for the file's name. */
  messages: string[];
}

/**
 * What `npm run setup` writes to .env.local: a session secret when there is none, and no APP_URL pinned to a port
 * (an old pinned one from an earlier setup is removed). A person's own APP_URL is kept, with a warning when it
 * names this machine on another port than PORT: sign-ins would then be refused for their origin.
 */
export function planEnvFile(current: string, env: Record<string, string | undefined>, now: Date): EnvFilePlan {
  const messages: string[] = [];
  let content = current && !current.endsWith('\n') ? `${current}\n` : current;
  if (env.BETTER_AUTH_SECRET || /^BETTER_AUTH_SECRET=\S{32,}/m.test(content)) {
    messages.push('BETTER_AUTH_SECRET finns redan: behåller den.');
  } else {
    content += `# Skapad av npm run setup ${now.toISOString().slice(0, 10)}: nyckeln för sessioner. Dela den inte.\nBETTER_AUTH_SECRET=${randomBytes(32).toString('base64url')}\n`;
    messages.push('Skapade en BETTER_AUTH_SECRET i {file}.');
  }
  const pinned = PINNED_BY_SETUP.exec(content);
  if (pinned) {
    content = content.replace(PINNED_BY_SETUP, DERIVED_NOTE);
    messages.push(
      `Tog bort ${pinned[0].split('\n')[1]} som en tidigare npm run setup skrev i {file}: adressen tas nu från varje förfrågan.`,
    );
  }
  const port = env.PORT?.trim() || '3000';
  const own = /^APP_URL=(.*)$/m.exec(content)?.[1]?.trim();
  const appUrl = env.APP_URL?.trim() || own;
  if (!appUrl) {
    if (!content.includes(DERIVED_NOTE)) content += DERIVED_NOTE;
  } else {
    let url: URL | null = null;
    try {
      url = new URL(appUrl);
    } catch {
      /* readEnv refuses it at start, with the reason */
    }
    const loopback = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    if (url && loopback && (url.port || (url.protocol === 'https:' ? '443' : '80')) !== port) {
      messages.push(
        `Obs: APP_URL=${appUrl} men servern startar på port ${port}: inloggningar därifrån avvisas. Ändra APP_URL i {file} (eller ta bort raden).`,
      );
    }
  }
  messages.push(`Appen startar på http://localhost:${port} (PORT=${port}).`);
  return { content, messages };
}
