// Result, context, timestamps, authority, version and attachments, plus the
// rows where 1.0.3 and 2.0.0 differ. Each invalid row names the path its issue
// must carry, so a row cannot pass by failing for an unrelated reason.
import { describe, expect, it } from 'vitest';
import { validateStatement } from '../statement-validation.js';
import { XAPI_VERSIONS, type XapiVersion } from '../version.js';

type S = Record<string, any>;
type Row = [name: string, mutate: (s: S) => void];
type InvalidRow = [name: string, path: string, mutate: (s: S) => void];

const AGENT = { objectType: 'Agent', mbox: 'mailto:xapi@adlnet.gov' };
const GROUP = { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }] };
const OAUTH_GROUP = { objectType: 'Group', member: [{ account: { homePage: 'http://example.com/xAPI/OAuth/Token', name: 'oauth_consumer_x75db' } }, { mbox: 'mailto:bob@example.com' }] };
const ACTIVITY = { objectType: 'Activity', id: 'http://www.example.com/meetings/occurances/34534' };
const STATEMENT_REF = { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' };
const SHA2 = '495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a';
const ATTACHMENT = {
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment', de: 'Eine Testbefestigung' },
  description: { 'en-US': 'A test attachment (description)', 'es-MX': 'Un accesorio de prueba' },
  contentType: 'text/plain; charset=ascii',
  length: 27,
  sha2: SHA2,
  fileUrl: 'http://over.there.com/file.txt',
};

function statement(): S {
  return structuredClone({
    actor: AGENT,
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
    object: ACTIVITY,
    result: { score: { scaled: 0.95, raw: 95, min: 0, max: 100 }, success: true, completion: true, response: 'We agreed', duration: 'PT1H0M0S' },
    context: {
      registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7',
      instructor: AGENT,
      team: GROUP,
      contextActivities: { parent: ACTIVITY, grouping: [ACTIVITY], category: [ACTIVITY], other: [ACTIVITY, { id: 'http://example.com/x' }] },
      revision: 'Spelling error in choices.',
      platform: 'Example virtual meeting software',
      language: 'tlh',
      statement: STATEMENT_REF,
      extensions: { 'http://example.com/profiles/meetings/contextextensions/airspeed': '600 nm/h' },
    },
  });
}

function check(version: XapiVersion, mutate: (s: S) => void) {
  const s = statement();
  mutate(s);
  return validateStatement(s, version);
}

const substatementWith = (extra: S) => (s: S) => (s.object = { objectType: 'SubStatement', actor: AGENT, verb: s.verb, object: ACTIVITY, ...extra });
/** The same, with the outer context's revision and platform removed (they need an Activity object). */
const cleanSubstatementWith = (extra: S) => (s: S) => {
  substatementWith(extra)(s);
  delete s.context.revision;
  delete s.context.platform;
};

const valid: Row[] = [
  ['a full result and context', () => {}],
  ['result extensions with a null value', (s) => (s.result.extensions = { 'http://example.com/null': null })],
  ['context extensions with a null value', (s) => (s.context.extensions = { 'http://example.com/null': null })],
  ['scaled of exactly 1 and -1', (s) => (s.result.score = { scaled: -1 }, s.result.score.scaled = 1)],
  ['scaled -1.0', (s) => (s.result.score = { scaled: -1.0 })],
  ['raw equal to min and to max', (s) => (s.result.score = { raw: 5, min: 5, max: 10 })],
  ['raw equal to max', (s) => (s.result.score = { raw: 10, min: 5, max: 10 })],
  ['only max', (s) => (s.result.score = { max: 100.6767676 })],
  ['an empty score', (s) => (s.result.score = {})],
  ['floats kept with IEEE 754 precision', (s) => (s.result.score = { min: 0.12123434, raw: 12.125, max: 45.45, scaled: 0.12123434 })],
  ...['PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'P1DT12H', 'PT0S', 'P0.5D'].map(
    (d): Row => [`duration ${d}`, (s) => (s.result.duration = d)],
  ),
  ['an instructor Group', (s) => (s.context.instructor = GROUP)],
  ['an identified team', (s) => (s.context.team = { objectType: 'Group', openid: 'http://openid.example.org/team' })],
  ['single contextActivities objects', (s) => (s.context.contextActivities = { other: ACTIVITY })],
  ['an empty contextActivities array', (s) => (s.context.contextActivities = { parent: [] })],
  ['revision and platform with an object lacking objectType', (s) => delete s.object.objectType],
  ['context in a SubStatement', cleanSubstatementWith({ context: { contextActivities: { category: ACTIVITY }, platform: 'x' } })],
  ...['de', 'cmn', 'ine', 'zh-Hant', 'sr-Latn-RS', 'zh-cmn-Hans-CN', 'sl-rozaj-biske', 'de-CH-1901', 'hy-Latn-IT-arevela', 'az-Arab-x-AZE-derbend', 'x-whatever', 'fr-CA', 'en-GB-oed'].map(
    (tag): Row => [`context language "${tag}"`, (s) => (s.context.language = tag)],
  ),
  ...[
    '2013-05-18T05:32:34.804Z',
    '2013-05-18T05:32:34Z',
    '2013-05-18T05:32:34.804+02:00',
    '2013-05-18T05:32:34.804-0530',
    '2013-05-18T05:32:34.8041234+01',
    '2008-09-15 15:53:00.601+00:00',
    '2013-05-18T05:32:34.804',
    '20130518T053234Z',
    '2016-02-29T23:59:60Z',
  ].map((t): Row => [`timestamp ${t}`, (s) => (s.timestamp = t)]),
  ['a stored timestamp (the LRS overwrites it)', (s) => (s.stored = '2011-07-15T00:00:00.000Z')],
  ['an Agent authority', (s) => (s.authority = AGENT)],
  ['an OAuth authority Group of two Agents', (s) => (s.authority = OAUTH_GROUP)],
  ...['1.0', '1.0.0', '1.0.3', '1.0.9'].map((ver): Row => [`version ${ver}`, (s) => (s.version = ver)]),
  ['attachments with a fileUrl', (s) => (s.attachments = [ATTACHMENT])],
  ['an attachment without fileUrl or description', (s) => (s.attachments = [{ ...ATTACHMENT, fileUrl: undefined, description: undefined }].map((a) => JSON.parse(JSON.stringify(a))))],
  ['an attachment with a SHA-512 hash', (s) => (s.attachments = [{ ...ATTACHMENT, sha2: 'b'.repeat(128) }])],
  ['a signature attachment', (s) => (s.attachments = [{ ...ATTACHMENT, usageType: 'http://adlnet.gov/expapi/attachments/signature', contentType: 'application/octet-stream' }])],
  ['an empty attachments array', (s) => (s.attachments = [])],
];

const invalid: InvalidRow[] = [
  ['a result that is a string', 'result', (s) => (s.result = 'passed')],
  ['a score that is a number', 'result.score', (s) => (s.result.score = 12345)],
  ['a score that is a string', 'result.score', (s) => (s.result.score = 'should fail')],
  ['max "one hundred"', 'result.score.max', (s) => (s.result.score.max = 'one hundred')],
  ['max "100" (a string holding a number)', 'result.score.max', (s) => (s.result.score.max = '100')],
  ['success as a string', 'result.success', (s) => (s.result.success = 'We regret to inform you that your effort was unsuccessful.')],
  ['completion "false" (a string holding a boolean)', 'result.completion', (s) => (s.result.completion = 'false')],
  ['success of null', 'result.success', (s) => (s.result.success = null)],
  ['a numeric response', 'result.response', (s) => (s.result.response = 42)],
  ['scaled 1.01', 'result.score.scaled', (s) => (s.result.score = { scaled: 1.01 })],
  ['scaled -1.00001', 'result.score.scaled', (s) => (s.result.score = { scaled: -1.00001 })],
  ['raw greater than max', 'result.score.raw', (s) => (s.result.score = { raw: 0.6767676, max: 0.6567676 })],
  ['raw less than min', 'result.score.raw', (s) => (s.result.score = { raw: 0.6767676, min: 1.4067676 })],
  ['min greater than max', 'result.score.min', (s) => (s.result.score = { min: 0.6767676, max: 0.6767355, raw: 0.6767643 })],
  ['min equal to max', 'result.score.min', (s) => (s.result.score = { min: 5, max: 5 })],
  ['an unknown score property', 'result.score.percent', (s) => (s.result.score.percent = 95)],
  ['an unknown result property', 'result.grade', (s) => (s.result.grade = 'A')],
  ['result extensions with a key that is not an IRI', 'result.extensions.score', (s) => (s.result.extensions = { score: 1 })],
  ...(['PA1H0M0S', 'should fail', 'P4W1D', 'P0003-06-04T12:30:05', 'PT', 'P', 'P1.5Y2M', '1H', 'pt1h', 'PT1H2'] as const).map(
    (d): InvalidRow => [`duration "${d}"`, 'result.duration', (s) => (s.result.duration = d)],
  ),
  ['a numeric duration', 'result.duration', (s) => (s.result.duration = 12345)],
  ['an object duration', 'result.duration', (s) => (s.result.duration = { key: 'invalid' })],
  ['a context that is a string', 'context', (s) => (s.context = 'x')],
  ['a registration that is an object', 'context.registration', (s) => (s.context.registration = { key: 'should fail' })],
  ['a registration that is not a UUID', 'context.registration', (s) => (s.context.registration = 'should fail')],
  ['a registration of null', 'context.registration', (s) => (s.context.registration = null)],
  ['a registration with too many digits', 'context.registration', (s) => (s.context.registration = 'AA97B177-9383-4934-8543-0F91A7A028368')],
  ['an instructor that is a plain object', 'context.instructor', (s) => (s.context.instructor = { key: 'should fail' })],
  ['an instructor that is a string', 'context.instructor', (s) => (s.context.instructor = 'should fail')],
  ['a team that is an Agent', 'context.team.objectType', (s) => (s.context.team = AGENT)],
  ['a team that is a plain object', 'context.team.objectType', (s) => (s.context.team = { key: 'should fail' })],
  ['a team that is a string', 'context.team', (s) => (s.context.team = 'should fail')],
  ['a team Group without members', 'context.team.member', (s) => (s.context.team = { objectType: 'Group' })],
  ['a team Group whose member is not an array', 'context.team.member', (s) => (s.context.team = { objectType: 'Group', member: AGENT })],
  ['contextActivities that are a string', 'context.contextActivities', (s) => (s.context.contextActivities = 'should fail')],
  ['an unknown contextActivities key', 'context.contextActivities.siblings', (s) => (s.context.contextActivities = { siblings: [ACTIVITY] })],
  ['a context activity that is not an Activity', 'context.contextActivities.other[1].key', (s) => (s.context.contextActivities = { other: [ACTIVITY, { key: 'should fail' }] })],
  ['a context activity without id', 'context.contextActivities.parent.id', (s) => (s.context.contextActivities = { parent: { objectType: 'Activity' } })],
  ['a context activity with an invalid definition', 'context.contextActivities.category[0].definition.name', (s) => (s.context.contextActivities = { category: [{ ...ACTIVITY, definition: { name: 'x' } }] })],
  ['a numeric revision', 'context.revision', (s) => (s.context.revision = 12345)],
  ['an object revision', 'context.revision', (s) => (s.context.revision = { key: 'should fail' })],
  ['a numeric platform', 'context.platform', (s) => (s.context.platform = 12345)],
  ['an object platform', 'context.platform', (s) => (s.context.platform = { key: 'should fail' })],
  ['revision with an Agent object', 'context.revision', (s) => (s.object = AGENT)],
  ['platform with a Group object', 'context.platform', (s) => (s.object = GROUP)],
  ['revision with a StatementRef object', 'context.revision', (s) => (s.object = STATEMENT_REF)],
  ['platform with a SubStatement object', 'context.platform', substatementWith({})],
  ['revision in a SubStatement about an Agent', 'object.context.revision', substatementWith({ object: AGENT, context: { revision: '2' } })],
  ['a numeric language', 'context.language', (s) => (s.context.language = 12345)],
  ['an object language', 'context.language', (s) => (s.context.language = { a12345: 'should fail' })],
  ['language "something"', 'context.language', (s) => (s.context.language = 'something')],
  ['language "de-419-DE"', 'context.language', (s) => (s.context.language = 'de-419-DE')],
  ['a context statement with objectType "statementref"', 'context.statement.objectType', (s) => (s.context.statement = { objectType: 'statementref', id: STATEMENT_REF.id })],
  ['a context statement whose id is not a UUID', 'context.statement.id', (s) => (s.context.statement = { objectType: 'StatementRef', id: 'should fail' })],
  ['a context statement without objectType', 'context.statement.objectType', (s) => (s.context.statement = { id: STATEMENT_REF.id })],
  ['context extensions with a key that is not an IRI', 'context.extensions.example.com/extension/wrong', (s) => (s.context.extensions['example.com/extension/wrong'] = 1234)],
  ['an unknown context property', 'context.location', (s) => (s.context.location = 'here')],
  ['an invalid registration in a SubStatement context', 'object.context.registration', substatementWith({ context: { registration: 'should fail' } })],
  ...(['should fail', '01/011/2015', '2008-09-15T15:53:00.601-00', '2008-09-15T15:53:00.601-0000', '2008-09-15T15:53:00.601-00:00', '2013-02-30T00:00:00Z', '2013-13-01T00:00:00Z', '2013-05-18T24:00:00Z', '2013-05-18', '2013-05-18T05:32:34.804+25:00', ''] as const).map(
    (t): InvalidRow => [`timestamp "${t}"`, 'timestamp', (s) => (s.timestamp = t)],
  ),
  ['a numeric timestamp', 'timestamp', (s) => (s.timestamp = 1368855154804)],
  ['an invalid stored', 'stored', (s) => (s.stored = 'yesterday')],
  ['an authority without IFI', 'authority', (s) => (s.authority = { objectType: 'Agent', name: 'nobody' })],
  ['an authority objectType "agent"', 'authority.objectType', (s) => (s.authority = { ...AGENT, objectType: 'agent' })],
  ['an authority objectType that is a number', 'authority.objectType', (s) => (s.authority = { ...AGENT, objectType: 123 })],
  ['an authority name that is a number', 'authority.name', (s) => (s.authority = { ...AGENT, name: 123 })],
  ['an authority Group of one member', 'authority.member', (s) => (s.authority = { objectType: 'Group', member: [{ mbox: 'mailto:bob@example.com' }] })],
  ['an authority Group of three members', 'authority.member', (s) => (s.authority = { ...OAUTH_GROUP, member: [...OAUTH_GROUP.member, { mbox: 'mailto:james@example.com' }] })],
  ['an identified authority Group (mbox)', 'authority', (s) => (s.authority = { ...OAUTH_GROUP, mbox: 'mailto:bob@example.com' })],
  ['an identified authority Group (openid, no members)', 'authority.member', (s) => (s.authority = { objectType: 'Group', openid: 'http://openid.example.org/12345' })],
  ['an authority Group without members', 'authority.member', (s) => (s.authority = { objectType: 'Group' })],
  ['a null authority', 'authority', (s) => (s.authority = null)],
  ...(['should fail', '0.9.9', '1.1.0', '3.0.0', '1.0.x', ''] as const).map((ver): InvalidRow => [`version "${ver}"`, 'version', (s) => (s.version = ver)]),
  ['a numeric version', 'version', (s) => (s.version = 1.0)],
  ['attachments that are an object', 'attachments', (s) => (s.attachments = ATTACHMENT)],
  ['an attachment that is a number', 'attachments[0]', (s) => (s.attachments = [12345])],
  ['an attachment that is a string', 'attachments[0]', (s) => (s.attachments = ['should fail'])],
  ['an attachment usageType that is not an IRI', 'attachments[0].usageType', (s) => (s.attachments = [{ ...ATTACHMENT, usageType: 'should fail' }])],
  ['an attachment without usageType', 'attachments[0].usageType', (s) => (s.attachments = [{ ...ATTACHMENT, usageType: undefined }].map((a) => JSON.parse(JSON.stringify(a))))],
  ['a numeric contentType', 'attachments[0].contentType', (s) => (s.attachments = [{ ...ATTACHMENT, contentType: 999 }])],
  ['a contentType that is not a media type', 'attachments[0].contentType', (s) => (s.attachments = [{ ...ATTACHMENT, contentType: 'text' }])],
  ['a length that is a string', 'attachments[0].length', (s) => (s.attachments = [{ ...ATTACHMENT, length: 'should fail' }])],
  ['a negative length', 'attachments[0].length', (s) => (s.attachments = [{ ...ATTACHMENT, length: -1 }])],
  ['a fractional length', 'attachments[0].length', (s) => (s.attachments = [{ ...ATTACHMENT, length: 2.5 }])],
  ['a numeric sha2', 'attachments[0].sha2', (s) => (s.attachments = [{ ...ATTACHMENT, sha2: 12345 }])],
  ['a sha2 that is not a SHA-2 hash', 'attachments[0].sha2', (s) => (s.attachments = [{ ...ATTACHMENT, sha2: 'abc' }])],
  ['a fileUrl that is not an IRL', 'attachments[0].fileUrl', (s) => (s.attachments = [{ ...ATTACHMENT, fileUrl: 'should fail' }])],
  ['a numeric display', 'attachments[0].display', (s) => (s.attachments = [{ ...ATTACHMENT, display: 12345 }])],
  ['a display that is a string', 'attachments[0].display', (s) => (s.attachments = [{ ...ATTACHMENT, display: 'should fail' }])],
  ['a missing display', 'attachments[0].display', (s) => (s.attachments = [{ ...ATTACHMENT, display: undefined }].map((a) => JSON.parse(JSON.stringify(a))))],
  ['a display tag "something"', 'attachments[0].display.something', (s) => (s.attachments = [{ ...ATTACHMENT, display: { something: 'x' } }])],
  ['a description tag "de-419-DE"', 'attachments[0].description.de-419-DE', (s) => (s.attachments = [{ ...ATTACHMENT, description: { 'de-419-DE': 'x' } }])],
  ['a description that is a string', 'attachments[0].description', (s) => (s.attachments = [{ ...ATTACHMENT, description: 'should error' }])],
  ['an unknown attachment property', 'attachments[0].name', (s) => (s.attachments = [{ ...ATTACHMENT, name: 'x' }])],
];

describe.each(XAPI_VERSIONS)('statement parts (%s)', (version) => {
  it.each(valid)('accepts %s', (_name, mutate) => {
    expect(check(version, mutate)).toEqual([]);
  });
  it.each(invalid)('rejects %s', (_name, path, mutate) => {
    expect(check(version, mutate).map((i) => i.path)).toContain(path);
  });
});

const CONTEXT_AGENT = { objectType: 'contextAgent', agent: { objectType: 'Agent', mbox: 'mailto:player-1@example.com' }, relevantTypes: ['https://example.com/xapi/activity-types/player'] };
const CONTEXT_GROUP = { objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:team-1@example.com', member: [{ objectType: 'Agent', mbox: 'mailto:player-1@example.com' }] }, relevantTypes: ['https://example.com/xapi/activity-types/team/a'] };

describe('what 2.0.0 adds', () => {
  const valid200: Row[] = [
    ['contextAgents', (s) => (s.context.contextAgents = [CONTEXT_AGENT])],
    ['a contextAgent without relevantTypes', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, relevantTypes: undefined }].map((c) => JSON.parse(JSON.stringify(c))))],
    ['contextGroups with identified and anonymous groups', (s) => (s.context.contextGroups = [CONTEXT_GROUP, { objectType: 'contextGroup', group: GROUP }])],
    ['contextAgents in a SubStatement', cleanSubstatementWith({ context: { contextAgents: [CONTEXT_AGENT] } })],
    ['version 2.0.0', (s) => (s.version = '2.0.0')],
    ['version 2.0', (s) => (s.version = '2.0')],
    ['an empty contextActivities object (XAPI-00095 was dropped)', (s) => (s.context.contextActivities = {})],
  ];
  const invalid200: InvalidRow[] = [
    ['a contextAgent objectType other than "contextAgent"', 'context.contextAgents[0].objectType', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, objectType: 'Should fail' }])],
    ['a contextAgent without objectType', 'context.contextAgents[0].objectType', (s) => (s.context.contextAgents = [{ agent: CONTEXT_AGENT.agent }])],
    ['a contextAgent with an invalid agent', 'context.contextAgents[0].agent.key', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, agent: { key: 'Should fail' } }])],
    ['a contextAgent whose agent is a Group', 'context.contextAgents[0].agent.objectType', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, agent: GROUP }])],
    ['a contextAgent without agent', 'context.contextAgents[0].agent', (s) => (s.context.contextAgents = [{ objectType: 'contextAgent' }])],
    ['empty relevantTypes', 'context.contextAgents[0].relevantTypes', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, relevantTypes: [] }])],
    ['relevantTypes that are not IRIs', 'context.contextAgents[0].relevantTypes[0]', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, relevantTypes: ['abc'] }])],
    ['contextAgents that are an object', 'context.contextAgents', (s) => (s.context.contextAgents = CONTEXT_AGENT)],
    ['an unknown contextAgent property', 'context.contextAgents[0].member', (s) => (s.context.contextAgents = [{ ...CONTEXT_AGENT, member: [] }])],
    ['a contextGroup objectType other than "contextGroup"', 'context.contextGroups[0].objectType', (s) => (s.context.contextGroups = [{ ...CONTEXT_GROUP, objectType: 'Should fail' }])],
    ['a contextGroup with an invalid group', 'context.contextGroups[0].group.objectType', (s) => (s.context.contextGroups = [{ objectType: 'contextGroup', group: { key: 'Should fail' } }])],
    ['a contextGroup whose group is an Agent', 'context.contextGroups[0].group.objectType', (s) => (s.context.contextGroups = [{ ...CONTEXT_GROUP, group: AGENT }])],
    ['contextGroup relevantTypes empty', 'context.contextGroups[0].relevantTypes', (s) => (s.context.contextGroups = [{ ...CONTEXT_GROUP, relevantTypes: [] }])],
    ['contextGroup relevantTypes not IRIs', 'context.contextGroups[0].relevantTypes[0]', (s) => (s.context.contextGroups = [{ ...CONTEXT_GROUP, relevantTypes: ['abc'] }])],
    ['a SubStatement contextAgent with a wrong objectType', 'object.context.contextAgents[0].objectType', substatementWith({ context: { contextAgents: [{ ...CONTEXT_AGENT, objectType: 'x' }] } })],
  ];
  it.each(valid200)('2.0.0 accepts %s', (_name, mutate) => expect(check('2.0.0', mutate)).toEqual([]));
  it.each(invalid200)('2.0.0 rejects %s', (_name, path, mutate) => expect(check('2.0.0', mutate).map((i) => i.path)).toContain(path));
});

describe('what 1.0.3 does not allow', () => {
  const invalid103: InvalidRow[] = [
    ['contextAgents (a 2.0.0 property)', 'context.contextAgents', (s) => (s.context.contextAgents = [CONTEXT_AGENT])],
    ['contextGroups (a 2.0.0 property)', 'context.contextGroups', (s) => (s.context.contextGroups = [CONTEXT_GROUP])],
    ['version 2.0.0', 'version', (s) => (s.version = '2.0.0')],
    ['an empty contextActivities object', 'context.contextActivities', (s) => (s.context.contextActivities = {})],
    ['an empty contextActivities object in a SubStatement', 'object.context.contextActivities', substatementWith({ context: { contextActivities: {} } })],
  ];
  it.each(invalid103)('1.0.3 rejects %s', (_name, path, mutate) => expect(check('1.0.3', mutate).map((i) => i.path)).toContain(path));
});
