import { describe, expect, it } from 'vitest';
import { validateActor, validateAgentOnly } from './validate-actor.js';
import { XAPI_VERSIONS } from './version.js';

const SHA1 = 'cd9b00a5611f94eaa7b1661edab976068e364975';
const ACCOUNT = { homePage: 'http://www.example.com', name: 'xAPI account name' };
const MEMBER = { mbox: 'mailto:member@example.com' };

const validActors: [string, unknown][] = [
  ['an Agent with mbox and no objectType', { mbox: 'mailto:xapi@adlnet.gov' }],
  ['an Agent with objectType and name', { objectType: 'Agent', name: 'A', mbox: 'mailto:xapi@adlnet.gov' }],
  ['an Agent with mbox_sha1sum', { mbox_sha1sum: SHA1 }],
  ['an Agent with upper-case mbox_sha1sum', { mbox_sha1sum: SHA1.toUpperCase() }],
  ['an Agent with openid', { openid: 'http://openid.example.org/12345' }],
  ['an Agent with account', { account: ACCOUNT }],
  ['an anonymous Group', { objectType: 'Group', member: [MEMBER, { account: ACCOUNT }] }],
  ['an identified Group without members', { objectType: 'Group', openid: 'http://openid.example.org/g' }],
  ['an identified Group with members', { objectType: 'Group', name: 'G', account: ACCOUNT, member: [MEMBER] }],
  ['an identified Group with an empty member list', { objectType: 'Group', mbox: 'mailto:g@example.com', member: [] }],
  ['a Group member with objectType Agent', { objectType: 'Group', member: [{ objectType: 'Agent', ...MEMBER }] }],
];

const invalidActors: [string, unknown][] = [
  ['null', null],
  ['an array', [MEMBER]],
  ['a string', 'mailto:xapi@adlnet.gov'],
  ['an Agent without an IFI', { name: 'nobody' }],
  ['an Agent with mbox and account', { mbox: 'mailto:a@example.com', account: ACCOUNT }],
  ['an Agent with mbox and mbox_sha1sum', { mbox: 'mailto:a@example.com', mbox_sha1sum: SHA1 }],
  ['an Agent with mbox and openid', { mbox: 'mailto:a@example.com', openid: 'http://openid.example.org/1' }],
  ['an Agent with mbox_sha1sum and openid', { mbox_sha1sum: SHA1, openid: 'http://openid.example.org/1' }],
  ['objectType "agent" (wrong case)', { objectType: 'agent', ...MEMBER }],
  ['objectType "group" (wrong case)', { objectType: 'group', ...MEMBER }],
  ['objectType numeric', { objectType: 123, ...MEMBER }],
  ['objectType object', { objectType: { key: 'value' }, ...MEMBER }],
  ['objectType "Activity"', { objectType: 'Activity', ...MEMBER }],
  ['name numeric', { name: 123, ...MEMBER }],
  ['name object', { name: { key: 'value' }, ...MEMBER }],
  ['name null', { name: null, ...MEMBER }],
  ['mbox without @', { mbox: 'mailto:should.fail.com' }],
  ['mbox without mailto:', { mbox: 'should@fail.com' }],
  ['mbox as an http IRI', { mbox: 'http://should.fail.com' }],
  ['mbox null', { mbox: null }],
  ['mbox_sha1sum too short', { mbox_sha1sum: SHA1.slice(1) }],
  ['mbox_sha1sum not hex', { mbox_sha1sum: 'z'.repeat(40) }],
  ['openid relative', { openid: 'openid.example.org/1' }],
  ['openid with an invalid scheme', { openid: 'ab=c://should.fail.com' }],
  ['account as a string', { account: 'x' }],
  ['account without name', { account: { homePage: 'http://www.example.com' } }],
  ['account without homePage', { account: { name: 'x' } }],
  ['account name object', { account: { homePage: 'http://www.example.com', name: { key: 'value' } } }],
  ['account homePage not an IRL', { account: { homePage: 'ab=c://should.fail.com', name: 'x' } }],
  ['account with an extra key', { account: { ...ACCOUNT, extra: 1 } }],
  ['an Agent with an unknown property', { ...MEMBER, age: 3 }],
  ['an Agent with a member property', { ...MEMBER, member: [MEMBER] }],
  ['an anonymous Group without members', { objectType: 'Group', name: 'G' }],
  ['an anonymous Group with an empty member list', { objectType: 'Group', member: [] }],
  ['a Group whose member is an object, not an array', { objectType: 'Group', member: MEMBER }],
  ['a Group with two IFIs', { objectType: 'Group', mbox: 'mailto:g@example.com', openid: 'http://o.example.org/g', member: [MEMBER] }],
  ['a Group containing a Group', { objectType: 'Group', member: [{ objectType: 'Group', member: [MEMBER] }] }],
  ['a Group with an invalid member', { objectType: 'Group', member: [{ name: 'no ifi' }] }],
  ['a Group with an unknown property', { objectType: 'Group', member: [MEMBER], extra: true }],
  ['an identified Group with an invalid IFI', { objectType: 'Group', mbox: 'mailto:nope' }],
];

describe.each(XAPI_VERSIONS)('validateActor (%s)', (version) => {
  it.each(validActors)('accepts %s', (_name, actor) => {
    expect(validateActor(actor, version, 'actor')).toEqual([]);
  });
  it.each(invalidActors)('rejects %s', (_name, actor) => {
    expect(validateActor(actor, version, 'actor')).not.toEqual([]);
  });
  it('names the failing property in the issue path', () => {
    expect(validateActor({ account: { name: 'x' } }, version, 'actor')).toEqual([
      { path: 'actor.account.homePage', message: 'is required and must be an IRL' },
    ]);
    expect(validateActor({ objectType: 'Group', member: [{ name: 1, ...MEMBER }] }, version, 'context.team')[0]?.path).toBe('context.team.member[0].name');
  });
});

describe.each(XAPI_VERSIONS)('validateAgentOnly (%s)', (version) => {
  it('accepts an Agent with any single IFI', () => {
    for (const agent of [MEMBER, { mbox_sha1sum: SHA1 }, { openid: 'http://o.example.org/1' }, { objectType: 'Agent', account: ACCOUNT }]) {
      expect(validateAgentOnly(agent, version, 'agent')).toEqual([]);
    }
  });
  it('refuses Groups, anonymous or identified', () => {
    expect(validateAgentOnly({ objectType: 'Group', member: [MEMBER] }, version, 'agent')).not.toEqual([]);
    expect(validateAgentOnly({ objectType: 'Group', mbox: 'mailto:g@example.com' }, version, 'agent')).not.toEqual([]);
  });
  it('refuses an Agent without an IFI or with two', () => {
    expect(validateAgentOnly({ name: 'x' }, version, 'agent')).not.toEqual([]);
    expect(validateAgentOnly({ ...MEMBER, mbox_sha1sum: SHA1 }, version, 'agent')).not.toEqual([]);
  });
});
