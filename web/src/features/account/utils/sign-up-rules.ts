// The sign-up rules the form checks before asking the server (which checks them again).
import type { MessageKey } from '../../../lib/i18n.js';

/** The server's minimum, counted as it counts: UTF-16 code units. */
export const MIN_PASSWORD = 10;
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export type SignUpField = 'email' | 'password' | 'display_name';

/** The message key for each field the form would be refused for; empty when it may be sent. */
export function signUpProblems(input: Record<SignUpField, string>): Partial<Record<SignUpField, MessageKey>> {
  const problems: Partial<Record<SignUpField, MessageKey>> = {};
  const email = input.email.trim();
  if (!email) problems.email = 'auth.required';
  else if (!EMAIL.test(email)) problems.email = 'auth.badEmail';
  if (!input.password) problems.password = 'auth.required';
  else if (input.password.length < MIN_PASSWORD) problems.password = 'auth.passwordTooShort';
  if (!input.display_name.trim()) problems.display_name = 'auth.required';
  return problems;
}
