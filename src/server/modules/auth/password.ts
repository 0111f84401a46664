import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../../../shared/api/auth.js';
import { AppError } from '../../http/app-error.js';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes).
// algorithm 2 is Argon2id in @node-rs/argon2's (const enum) Algorithm.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so response times do not reveal
    // which e-mail addresses have accounts.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

const COMMON = new Set(['passwordpassword', '123456789012', 'qwertyuiopas', 'mestringmestring', 'passord12345', 'lösenord1234']);

/** Length is what matters (NIST SP 800-63B); we also refuse the obvious. */
export function assertStrongPassword(password: string, email?: string): void {
  const lower = password.toLowerCase();
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`at least ${PASSWORD_MIN_LENGTH} characters`);
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) problems.push('not a common or repeated password');
  if (email && lower.includes(email.toLowerCase().split('@')[0] ?? '\u0000')) problems.push('must not contain your e-mail name');
  if (problems.length > 0) throw new AppError('WEAK_PASSWORD', 'Choose a stronger password.', { requirements: problems });
}
