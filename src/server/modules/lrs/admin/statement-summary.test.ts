import { describe, expect, it } from 'vitest';
import type { Principal } from '../../access/principal.js';
import { decodeCursor, encodeCursor } from './lrs-statements.service.js';
import { csvField } from './lrs-statements.export.js';
import { lrsAdminPolicy } from './lrs-admin.policy.js';
import { bestLanguageValue, ifiText, summarizeStatement } from './statement-summary.js';

// Pure parts of the statement browser: language choice, how statements are
// summarised, cursors, CSV cells, and the policy.

const URL_ = 'https://mestring.example';

describe('bestLanguageValue', () => {
  const display = { 'en-US': 'completed', 'nb-NO': 'fullførte', sv: 'slutförde' };
  it('picks the reader’s language, a regional tag of it, or a neighbour before English', () => {
    expect(bestLanguageValue(display, 'nb')).toBe('fullførte');
    expect(bestLanguageValue(display, 'nn')).toBe('fullførte');
    expect(bestLanguageValue(display, 'sv')).toBe('slutförde');
    expect(bestLanguageValue(display, 'da')).toBe('fullførte');
    expect(bestLanguageValue(display, 'en')).toBe('completed');
    expect(bestLanguageValue({ 'en-GB': 'finished', en: 'completed' }, 'en')).toBe('completed');
    expect(bestLanguageValue({ de: 'abgeschlossen', fr: 'terminé' }, 'nb')).toBe('abgeschlossen');
  });
  it('is null for an empty or missing map', () => {
    expect(bestLanguageValue({}, 'nb')).toBeNull();
    expect(bestLanguageValue(undefined, 'nb')).toBeNull();
    expect(bestLanguageValue('completed', 'nb')).toBeNull();
  });
});

describe('summarizeStatement', () => {
  const row = (statement: unknown, voided = false) => ({ id: '11111111-1111-4111-8111-111111111111', stored: new Date('2024-05-01T10:00:00.123Z'), voided, statement });
  it('names a Mestring person without a name in the statement by the people register', () => {
    const personId = '22222222-2222-4222-8222-222222222222';
    const s = summarizeStatement(
      row({
        actor: { account: { homePage: URL_, name: personId } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
        object: { id: 'https://kurs.example/hms', definition: { name: { 'nb-NO': 'HMS-kurs', 'en-US': 'HSE course' } } },
        result: { success: true, completion: true, score: { scaled: 0.85 } },
        timestamp: '2024-05-01T09:59:00Z',
      }),
      'nb',
      URL_,
      new Map([[personId, 'Kari Nordmann']]),
    );
    expect(s).toEqual({
      id: '11111111-1111-4111-8111-111111111111',
      stored: '2024-05-01T10:00:00.123Z',
      timestamp: '2024-05-01T09:59:00Z',
      actor: { objectType: 'Agent', display: 'Kari Nordmann', ifi: `${personId} (${URL_})`, personId },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: 'completed' },
      object: { objectType: 'Activity', id: 'https://kurs.example/hms', name: 'HMS-kurs' },
      result: { success: true, completion: true, scaled: 0.85 },
      voided: false,
    });
  });
  it('shows the identifier when there is no name, and other kinds of object', () => {
    const s = summarizeStatement(
      row({ actor: { mbox: 'mailto:ola@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: '33333333-3333-4333-8333-333333333333' } }, true),
      'en',
      URL_,
      new Map(),
    );
    expect(s.actor).toEqual({ objectType: 'Agent', display: 'mailto:ola@example.org', ifi: 'mailto:ola@example.org', personId: null });
    expect(s.verb.display).toBeNull();
    expect(s.object).toEqual({ objectType: 'StatementRef', id: '33333333-3333-4333-8333-333333333333', name: null });
    expect(s.result).toBeNull();
    expect(s.voided).toBe(true);
    const group = summarizeStatement(row({ actor: { objectType: 'Group', member: [{ name: 'A', mbox: 'mailto:a@x.org' }, { mbox_sha1sum: 'ab12' }] }, verb: { id: 'x:y' }, object: { objectType: 'Agent', mbox: 'mailto:b@x.org' } }), 'nb', URL_, new Map());
    expect(group.actor).toMatchObject({ objectType: 'Group', display: 'A, sha1:ab12', ifi: null });
    expect(group.object).toEqual({ objectType: 'Agent', id: 'mailto:b@x.org', name: null });
  });
  it('does not take an account on another site for a Mestring person', () => {
    expect(ifiText({ openid: 'https://id.example/u' })).toBe('https://id.example/u');
    const s = summarizeStatement(row({ actor: { account: { homePage: 'https://other.example', name: '22222222-2222-4222-8222-222222222222' } }, verb: { id: 'x:y' }, object: { id: 'x:z' } }), 'nb', URL_, new Map());
    expect(s.actor.personId).toBeNull();
  });
});

describe('statement cursors', () => {
  it('round-trip and refuse anything else with VALIDATION', () => {
    const c = encodeCursor({ stored_at: '2024-05-01T10:00:00.123456Z', seq: 42 });
    expect(decodeCursor(c)).toEqual({ stored: '2024-05-01T10:00:00.123456Z', seq: 42 });
    for (const bad of ['garbage', b64('2024-05-01T10:00:00.123456Z'), b64('2024-02-30T10:00:00.000000Z|1'), b64('2024-05-01T10:00:00.123Z|1'), b64('2024-05-01T10:00:00.123456Z|0'), b64('2024-05-01T10:00:00.123456Z|1|2'), b64('2024-05-01T10:00:00.123456Z|99999999999999999')]) {
      expect(() => decodeCursor(bad), bad).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });
});

function b64(s: string) {
  return Buffer.from(s).toString('base64url');
}

describe('CSV cells', () => {
  it('defuse formulas and quote separators', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('linje\nto')).toBe('"linje\nto"');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });
});

describe('lrsAdminPolicy', () => {
  const M = 'm1';
  const p = (role: string, scopeType = 'municipality', municipalityId: string | null = M, unitId: string | null = null): Principal => ({
    userId: 'u',
    email: 'u@x',
    displayName: 'U',
    preferredLanguage: 'nb',
    grants: [{ id: 'g', role: role as never, scopeType: scopeType as never, networkId: null, municipalityId, unitId }],
    persons: [],
    networkMembers: {},
  });
  it('lets only municipal administrators manage credentials', () => {
    expect(lrsAdminPolicy.manageCredentials(p('municipal_admin'), M)).toBe(true);
    expect(lrsAdminPolicy.manageCredentials(p('municipal_admin'), 'm2')).toBe(false);
    for (const role of ['competence_advisor', 'leader', 'employee', 'ombud']) expect(lrsAdminPolicy.manageCredentials(p(role), M), role).toBe(false);
    expect(lrsAdminPolicy.manageCredentials(p('platform_admin', 'platform', null), M)).toBe(false);
  });
  it('lets administrators and competence advisors of the whole municipality read statements', () => {
    expect(lrsAdminPolicy.readStatements(p('municipal_admin'), M)).toBe(true);
    expect(lrsAdminPolicy.readStatements(p('competence_advisor'), M)).toBe(true);
    expect(lrsAdminPolicy.readStatements(p('leader'), M)).toBe(false);
    expect(lrsAdminPolicy.readStatements(p('leader', 'unit', M, 'unit1'), M)).toBe(false);
    expect(lrsAdminPolicy.readStatements(p('competence_advisor'), 'm2')).toBe(false);
    expect(lrsAdminPolicy.readStatements(p('platform_admin', 'platform', null), M)).toBe(false);
  });
});
