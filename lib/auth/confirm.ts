import { createHmac, timingSafeEqual } from 'node:crypto';
import { sessionSecret } from './cookie';

/** The hidden field a confirmation form carries: proof that the person saw the confirmation step. */
export const CONFIRM_FIELD = 'bekraftelse';

/** The destructive actions that ask first. */
export type ConfirmKind = 'link_removal' | 'import_undo' | 'user_deactivation' | 'review_decision';

/**
 * The token a confirmation step hands to its form: an HMAC (with the session secret) of what is to be done, to
 * what, by whom. A post without it — a script, a stale button, a form from before the confirmation — is refused.
 */
export function confirmToken(kind: ConfirmKind, target: string | number, userId: string, secret = sessionSecret()): string {
  return createHmac('sha256', secret).update(`${kind}\n${target}\n${userId}`).digest('base64url');
}

/** Whether a posted form carries the confirmation token for exactly this action, target and user. */
export function isConfirmed(form: FormData, kind: ConfirmKind, target: string | number, userId: string, secret = sessionSecret()): boolean {
  const posted = form.get(CONFIRM_FIELD);
  if (typeof posted !== 'string') return false;
  const want = Buffer.from(confirmToken(kind, target, userId, secret));
  const got = Buffer.from(posted);
  return got.length === want.length && timingSafeEqual(got, want);
}
