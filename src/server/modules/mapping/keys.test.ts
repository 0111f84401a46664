import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, CODE_LENGTH, formatCode, keyHash, newInvitationCode, newInvitationToken, normalizeCode, parseAssessmentKey } from './keys.js';

describe('invitation keys', () => {
  it('makes 8-character codes without characters people mix up', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', 'U', 'V']) expect(CODE_ALPHABET).not.toContain(ambiguous);
    const codes = new Set(Array.from({ length: 2000 }, newInvitationCode));
    expect(codes.size).toBe(2000);
    for (const code of codes) {
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((ch) => CODE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(formatCode('ABCDEFGH')).toBe('ABCD-EFGH');
  });

  it('reads codes as people type them, and refuses what cannot be a code', () => {
    expect(normalizeCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeCode(' ab cd ef gh ')).toBe('ABCDEFGH');
    expect(normalizeCode('ABCD-EFG')).toBeNull();
    expect(normalizeCode('ABCD-EFG0')).toBeNull();
    expect(normalizeCode('ABCD-EFGI')).toBeNull();
  });

  it('tells tokens, codes and invitation ids apart, and keeps only hashes of the secrets', () => {
    const token = newInvitationToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseAssessmentKey(token)).toEqual({ kind: 'token', hash: keyHash(token) });
    expect(parseAssessmentKey('abcd-efgh')).toEqual({ kind: 'code', hash: keyHash('ABCDEFGH') });
    expect(parseAssessmentKey('6F9619FF-8B86-4011-B42D-00C04FC964FF')).toEqual({ kind: 'invitation', invitationId: '6f9619ff-8b86-4011-b42d-00c04fc964ff' });
    expect(keyHash(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyHash(token)).not.toContain(token);
  });
});
