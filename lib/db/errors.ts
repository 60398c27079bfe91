/**
 * drizzle wraps driver errors as "Failed query: <sql> params: …" with the PostgreSQL error in `cause`
 * (stack-notes §2.11). Callers show this short form; SQL and parameters never reach a user.
 */
export function describeDbError(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${e.message} (${code})` : e.message;
  }
  return String(e);
}
