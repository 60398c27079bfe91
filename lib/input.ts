import type { z } from 'zod';

/**
 * A write refused because of what the person entered (a form, a CLI flag): its message is Swedish and safe to
 * show as it is. Server actions show it; anything else that goes wrong is logged and answered generically.
 */
export class InputError extends Error {}

/**
 * Parses a write's input or refuses it in Swedish: every problem, each prefixed with its field's name when
 * `fieldName` is given ("Startdatum: ange ett datum …"), else the messages alone.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, fieldName?: (key: string) => string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new InputError(parsed.error.issues.map((i) => (fieldName ? `${fieldName(i.path.join('.'))}: ${i.message}` : i.message)).join(' '));
}
