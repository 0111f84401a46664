import { describe, expect, it } from 'vitest';
import { formatStatement, parseAcceptLanguage, pickLanguage, prepareForStore, type StoredStatement } from './statement-format.js';
import { validateStatement } from './statement-validation.js';

const AUTHORITY = { objectType: 'Agent', account: { homePage: 'https://mestring.example', name: 'lrs-credential-1' } };
const ID = '2f2d7c6c-8b6f-4a35-9a0e-0c8d1f5e6a70';
const STORED = '2024-03-01T10:00:00.123Z';
const ACTOR = { objectType: 'Agent', name: 'Kari Nordmann', mbox: 'mailto:kari@example.no' };
const NAMED_ACTIVITY = {
  objectType: 'Activity',
  id: 'http://example.com/course/hygiene',
  definition: {
    name: { 'en-US': 'Hand hygiene', nb: 'Håndhygiene', 'nn-NO': 'Handhygiene' },
    description: { 'en-US': 'A course', nb: 'Et kurs' },
    type: 'http://adlnet.gov/expapi/activities/course',
    interactionType: 'choice',
    choices: [{ id: 'a', description: { 'en-US': 'Soap', nb: 'Såpe' } }],
  },
};

function stored(extra: Record<string, unknown> = {}): StoredStatement {
  return prepareForStore(
    { actor: ACTOR, verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', nb: 'fullførte' } }, object: NAMED_ACTIVITY, ...extra },
    { id: ID, stored: STORED, authority: AUTHORITY, version: '2.0.0' },
  );
}

describe('prepareForStore', () => {
  it('sets id, stored, authority, timestamp and version on a bare statement', () => {
    const s = prepareForStore({ actor: ACTOR, verb: { id: 'http://x.example/v' }, object: { id: 'http://x.example/a' } }, { id: ID, stored: STORED, authority: AUTHORITY, version: '1.0.3' });
    expect(s).toMatchObject({ id: ID, stored: STORED, authority: AUTHORITY, timestamp: STORED, version: '1.0.0' });
  });

  it('sets version 2.0.0 for a 2.0.0 request and keeps a version that was sent', () => {
    expect(prepareForStore({}, { id: ID, stored: STORED, authority: AUTHORITY, version: '2.0.0' }).version).toBe('2.0.0');
    expect(prepareForStore({ version: '1.0.3' }, { id: ID, stored: STORED, authority: AUTHORITY, version: '2.0.0' }).version).toBe('1.0.3');
  });

  it('keeps a sent id and always overwrites stored and authority', () => {
    const sentId = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0';
    const s = prepareForStore({ id: sentId, stored: '2011-07-15T00:00:00Z', authority: ACTOR }, { id: ID, stored: STORED, authority: AUTHORITY, version: '1.0.3' });
    expect(s.id).toBe(sentId);
    expect(s.stored).toBe(STORED);
    expect(s.authority).toEqual(AUTHORITY);
  });

  it('converts timestamps to UTC, in the statement and in a sub-statement', () => {
    const s = prepareForStore(
      { timestamp: '2013-05-18T05:32:34.8041+02:00', object: { objectType: 'SubStatement', timestamp: '2008-09-15 15:53:00.601+00:00' } },
      { id: ID, stored: STORED, authority: AUTHORITY, version: '2.0.0' },
    );
    expect(s.timestamp).toBe('2013-05-18T03:32:34.8041Z');
    expect((s.object as { timestamp: string }).timestamp).toBe('2008-09-15T15:53:00.601Z');
  });

  it('returns every contextActivities value as an array, in sub-statements too', () => {
    const activity = { id: 'http://example.com/parent' };
    const s = prepareForStore(
      {
        context: { contextActivities: { parent: activity, grouping: [activity] } },
        object: { objectType: 'SubStatement', context: { contextActivities: { other: activity } } },
      },
      { id: ID, stored: STORED, authority: AUTHORITY, version: '1.0.3' },
    );
    expect(s.context).toEqual({ contextActivities: { parent: [activity], grouping: [activity] } });
    expect((s.object as { context: unknown }).context).toEqual({ contextActivities: { other: [activity] } });
  });

  it('does not change the statement it was given', () => {
    const input = { context: { contextActivities: { parent: { id: 'http://example.com/p' } } } };
    const copy = structuredClone(input);
    prepareForStore(input, { id: ID, stored: STORED, authority: AUTHORITY, version: '1.0.3' });
    expect(input).toEqual(copy);
  });

  it('produces a statement that still validates in both versions', () => {
    const s = stored({ context: { contextActivities: { parent: { id: 'http://example.com/p' } } } });
    expect(validateStatement({ ...s, version: '1.0.0' }, '1.0.3')).toEqual([]);
    expect(validateStatement(s, '2.0.0')).toEqual([]);
  });
});

describe('formatStatement', () => {
  it('returns the stored statement unchanged for exact', () => {
    const s = stored();
    expect(formatStatement(s, 'exact', 'nb')).toEqual(s);
  });

  it('reduces agents, activities and verbs to their identifiers for ids', () => {
    const member = { name: 'Ola', mbox: 'mailto:ola@example.no' };
    const s = stored({
      actor: { objectType: 'Group', name: 'Team', member: [member, { name: 'Per', account: { homePage: 'https://x.example', name: 'per' } }] },
      context: {
        instructor: { name: 'Lærer', openid: 'http://openid.example.org/t' },
        team: { objectType: 'Group', name: 'Lag', mbox: 'mailto:lag@example.no', member: [member] },
        contextActivities: { parent: [{ objectType: 'Activity', id: 'http://example.com/p', definition: { name: { en: 'P' } } }], category: [{ id: 'http://example.com/c', definition: {} }] },
        contextAgents: [{ objectType: 'contextAgent', agent: { name: 'Ola', mbox: 'mailto:ola@example.no' } }],
      },
    });
    const out = formatStatement(s, 'ids', undefined) as Record<string, any>;
    expect(out.actor).toEqual({ objectType: 'Group', member: [{ mbox: 'mailto:ola@example.no' }, { account: { homePage: 'https://x.example', name: 'per' } }] });
    expect(out.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/completed' });
    expect(out.object).toEqual({ id: NAMED_ACTIVITY.id }); // an Activity by its id alone (ADL suite XAPI-00171)
    expect(out.context.instructor).toEqual({ openid: 'http://openid.example.org/t' });
    expect(out.context.team).toEqual({ objectType: 'Group', mbox: 'mailto:lag@example.no' });
    expect(out.context.contextActivities).toEqual({ parent: [{ id: 'http://example.com/p' }], category: [{ id: 'http://example.com/c' }] });
    expect(out.context.contextAgents).toEqual([{ objectType: 'contextAgent', agent: { mbox: 'mailto:ola@example.no' } }]);
    expect(out.authority).toEqual({ objectType: 'Agent', account: AUTHORITY.account });
    expect(out.id).toBe(ID);
    expect(out.stored).toBe(STORED);
  });

  it('applies ids inside a sub-statement and to an Agent object', () => {
    const s = stored({ object: { objectType: 'SubStatement', actor: ACTOR, verb: { id: 'http://x.example/v', display: { en: 'v' } }, object: { objectType: 'Agent', name: 'B', mbox: 'mailto:b@example.no' } } });
    const out = formatStatement(s, 'ids', undefined) as Record<string, any>;
    expect(out.object).toEqual({
      objectType: 'SubStatement',
      actor: { objectType: 'Agent', mbox: ACTOR.mbox },
      verb: { id: 'http://x.example/v' },
      object: { objectType: 'Agent', mbox: 'mailto:b@example.no' },
    });
  });

  it('keeps one language per map for canonical, chosen by Accept-Language, and leaves agents exact', () => {
    const out = formatStatement(stored(), 'canonical', 'nb;q=0.9, en-US;q=0.5') as Record<string, any>;
    expect(out.verb.display).toEqual({ nb: 'fullførte' });
    expect(out.object.definition.name).toEqual({ nb: 'Håndhygiene' });
    expect(out.object.definition.description).toEqual({ nb: 'Et kurs' });
    expect(out.object.definition.choices).toEqual([{ id: 'a', description: { nb: 'Såpe' } }]);
    expect(out.actor).toEqual(ACTOR);
  });

  it('uses the canonical definition the caller knows for an activity', () => {
    const canonical = new Map([[NAMED_ACTIVITY.id, { name: { 'en-US': 'Hand hygiene (v2)', nb: 'Håndhygiene (v2)' }, type: 'http://adlnet.gov/expapi/activities/course' }]]);
    const out = formatStatement(stored(), 'canonical', 'en', canonical) as Record<string, any>;
    expect(out.object.definition).toEqual({ name: { 'en-US': 'Hand hygiene (v2)' }, type: 'http://adlnet.gov/expapi/activities/course' });
  });

  it('filters context activities and leaves the stored statement untouched', () => {
    const s = stored({ context: { contextActivities: { parent: [{ id: 'http://example.com/p', definition: { name: { de: 'Eltern', 'en-GB': 'Parent' } } }] } } });
    const before = structuredClone(s);
    const out = formatStatement(s, 'canonical', 'en-US') as Record<string, any>;
    expect(out.context.contextActivities.parent[0].definition.name).toEqual({ 'en-GB': 'Parent' });
    expect(s).toEqual(before);
  });
});

describe('language negotiation', () => {
  const map = { 'en-US': 'color', 'en-GB': 'colour', nb: 'farge', de: 'Farbe' };
  it.each([
    [undefined, { 'en-US': 'color' }],
    ['nb', { nb: 'farge' }],
    ['NB', { nb: 'farge' }],
    ['en-gb', { 'en-GB': 'colour' }],
    ['en', { 'en-US': 'color' }],
    ['en-AU', { 'en-US': 'color' }],
    ['sv, de;q=0.8, nb;q=0.9', { nb: 'farge' }],
    ['nb;q=0, de', { de: 'Farbe' }],
    ['fr', { 'en-US': 'color' }],
    ['*', { 'en-US': 'color' }],
    ['nonsense;;;', { 'en-US': 'color' }],
  ])('Accept-Language %j picks %j', (header, expected) => {
    expect(pickLanguage(map, parseAcceptLanguage(header))).toEqual(expected);
  });

  it('orders ranges by q and keeps the sender order for equal q', () => {
    expect(parseAcceptLanguage('da;q=0.5, sv, nn;q=0.5, nb;q=1')).toEqual([
      { range: 'sv', q: 1 },
      { range: 'nb', q: 1 },
      { range: 'da', q: 0.5 },
      { range: 'nn', q: 0.5 },
    ]);
  });
});
