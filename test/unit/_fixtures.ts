import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root, resolved from this file so tests do not depend on the working directory. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Copies of ../shared (see test/fixtures/shared/README.md), so a clone anywhere runs the same. */
export const SHARED_ROOT = path.join(REPO_ROOT, 'test/fixtures/shared');

export function readRepoFile(rel: string): string {
  return fs.readFileSync(path.join(REPO_ROOT, rel), 'utf8');
}

export function readSharedFile(rel: string): string {
  return fs.readFileSync(path.join(SHARED_ROOT, rel), 'utf8');
}

export function readRepoJson(rel: string): unknown {
  return JSON.parse(readRepoFile(rel)) as unknown;
}

/** Non-empty lines of a text file, header included. */
export function lines(text: string): string[] {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '');
}
