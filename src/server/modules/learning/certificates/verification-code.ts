import { randomInt } from 'node:crypto';
import { VERIFICATION_CODE_PATTERN } from '../../../../shared/api/certificates.js';

// Verification codes are typed by people reading a paper certificate, so the
// alphabet leaves out 0/O and 1/I. 16 symbols of 32 give 80 bits: enough that
// guessing a valid code is hopeless even without the rate limit.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789'.replace(/[OI]/g, '');

export function newVerificationCode(): string {
  const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''));
  return groups.join('-');
}

/**
 * The canonical form of what a visitor typed: upper case, dashes and spaces
 * ignored, regrouped in fours. Null when it cannot be a code, so a lookup is
 * never made for junk.
 */
export function normalizeVerificationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length !== 16) return null;
  const code = compact.match(/.{4}/g)!.join('-');
  return VERIFICATION_CODE_PATTERN.test(code) ? code : null;
}
