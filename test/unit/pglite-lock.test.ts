import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, DatabaseBusyError, lockPath, readLockHolder } from '@/lib/db/pglite-lock';

let tmp: string;
let dir: string;
const children: ChildProcess[] = [];
const releases: (() => void)[] = [];

beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'trygghet-lock-'));
  dir = path.join(tmp, 'pglite');
});

afterEach(() => {
  for (const release of releases.splice(0)) release();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** A separate live process that writes its own pid into the lock file, then waits. */
async function spawnHolder(file: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-e', 'require("fs").writeFileSync(process.argv[1], String(process.pid)); console.log("ready"); setInterval(() => {}, 1000);', file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    child.stdout!.once('data', () => resolve());
  });
  return child;
}

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

function take(d: string): () => void {
  const release = acquireLock(d);
  releases.push(release);
  return release;
}

describe('lockPath', () => {
  it('is the resolved directory with ".lock" beside it', () => {
    expect(lockPath(dir)).toBe(`${path.resolve(dir)}.lock`);
    expect(path.dirname(lockPath(dir))).toBe(tmp);
  });
});

describe('acquireLock', () => {
  it("creates the lock file holding this process's pid", () => {
    take(dir);
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(process.pid));
  });

  it('release() removes the lock file', () => {
    const release = take(dir);
    expect(fs.existsSync(lockPath(dir))).toBe(true);
    release();
    expect(fs.existsSync(lockPath(dir))).toBe(false);
    release(); // a second release is harmless
  });

  it('fails with DatabaseBusyError naming the pid while another live process holds the lock', async () => {
    const child = await spawnHolder(lockPath(dir));
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(child.pid));
    expect(readLockHolder(dir)).toBe(child.pid);

    let error: unknown;
    try {
      take(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DatabaseBusyError);
    const message = (error as Error).message;
    expect(message).toContain(`pid ${child.pid}`);
    expect(message).toContain('används redan av en annan process');
    expect((error as Error).name).toBe('DatabaseBusyError');
    // The holder's lock is left alone.
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(child.pid));
  });

  it('takes the lock once the other process has gone', async () => {
    const child = await spawnHolder(lockPath(dir));
    expect(() => acquireLock(dir)).toThrow(DatabaseBusyError);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    take(dir);
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(process.pid));
  });

  it('takes over a stale lock whose pid has exited', () => {
    const pid = deadPid();
    expect(Number.isInteger(pid) && pid > 0).toBe(true);
    fs.mkdirSync(tmp, { recursive: true });
    fs.writeFileSync(lockPath(dir), String(pid));
    expect(readLockHolder(dir)).toBeNull();
    take(dir);
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(process.pid));
  });

  it('takes over a lock file with garbage in it', () => {
    fs.writeFileSync(lockPath(dir), 'not a pid');
    take(dir);
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(process.pid));
  });

  it('release() does not remove a lock another process has since taken', async () => {
    const release = take(dir);
    fs.unlinkSync(lockPath(dir));
    const child = await spawnHolder(lockPath(dir));
    release();
    expect(fs.readFileSync(lockPath(dir), 'utf8')).toBe(String(child.pid));
  });

  it('creates missing parent directories', () => {
    const deep = path.join(tmp, 'a', 'b', 'pglite');
    take(deep);
    expect(fs.existsSync(lockPath(deep))).toBe(true);
  });
});
