import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite has no lock between processes: two processes on one data directory silently diverge
 * (stack-notes §2.7). A pid file beside the directory makes a second opener refuse instead.
 */
export function lockPath(dir: string): string {
  return `${path.resolve(dir)}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dir: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath(dir), 'utf8'), 10);
    return Number.isInteger(pid) && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export class DatabaseBusyError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `Databaskatalogen ${dir} används redan av en annan process (pid ${pid}), troligen appservern. ` +
        'Stoppa den först, eller använd webbgränssnittet medan servern kör.',
    );
    this.name = 'DatabaseBusyError';
  }
}

/** Takes the lock or throws; returns the release function. A stale lock (dead pid) is taken over. */
export function acquireLock(dir: string): () => void {
  const file = lockPath(dir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      // 'wx' creates atomically, so two processes starting together cannot both win.
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const holder = readLockHolder(dir);
      if (holder !== null) throw new DatabaseBusyError(dir, holder);
      fs.rmSync(file, { force: true });
    }
  }
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once('exit', release);
  return release;
}
