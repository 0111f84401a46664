// Statement-level rules, actors in every position, verbs, objects and
// activity definitions. Rows mirror the cases the ADL conformance suite posts
// (test/v1_0_3/configs and test/v2_0/configs); result, context, attachments,
// authority and version rows are in validation/statement-parts.test.ts.
import { describe, expect, it } from 'vitest';
import { validateStatement } from './statement-validation.js';
import { XAPI_VERSIONS, type XapiVersion } from './version.js';

type S = Record<string, any>;
type Row = [name: string, mutate: (s: S) => void];
/** An invalid case and the path of the issue it must produce (so a row cannot pass by failing elsewhere). */
type InvalidRow = [name: string, path: string, mutate: (s: S) => void];

const AGENT = { objectType: 'Agent', name: 'xAPI mbox', mbox: 'mailto:xapi@adlnet.gov' };
const GROUP = { objectType: 'Group', name: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { openid: 'http://openid.example.org/1' }] };
const ACTIVITY = {
  objectType: 'Activity',
  id: 'http://www.example.com/meetings/occurances/34534',
  definition: {
    type: 'http://adlnet.gov/expapi/activities/meeting',
    name: { 'en-GB': 'example meeting', 'en-US': 'example meeting' },
    description: { 'en-US': 'An example meeting.' },
    moreInfo: 'http://virtualmeeting.example.com/345256',
    extensions: { 'http://example.com/profiles/meetings/extension/location': 'X:\\meetings', 'http://example.com/null': null },
  },
};
const STATEMENT_REF = { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' };
const component = (id: string) => ({ id, description: { 'en-US': id } });

function baseStatement(): S {
  return structuredClone({ actor: AGENT, verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } }, object: ACTIVITY });
}

function subStatement(): S {
  const { actor, verb, object } = baseStatement();
  return { objectType: 'SubStatement', actor, verb, object };
}

function interaction(interactionType: string, extra: S = {}): (s: S) => void {
  return (s) => (s.object.definition = { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType, ...extra });
}

function check(version: XapiVersion, mutate: (s: S) => void) {
  const s = baseStatement();
  mutate(s);
  return validateStatement(s, version);
}

const valid: Row[] = [
  ['the minimal statement', () => {}],
  ['a version 4 id', (s) => (s.id = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0')],
  ['an upper-case id of another version and variant', (s) => (s.id = 'AA97B177-9383-1934-C543-0F91A7A02836')],
  ['an actor without objectType', (s) => (s.actor = { mbox: 'mailto:xapi@adlnet.gov' })],
  ['an anonymous Group actor', (s) => (s.actor = GROUP)],
  ['an identified Group actor', (s) => (s.actor = { objectType: 'Group', account: { homePage: 'http://www.example.com', name: 'team' } })],
  ['a verb without display', (s) => delete s.verb.display],
  ['a verb display with a grandfathered tag', (s) => (s.verb.display = { 'i-enochian': 'x' })],
  ['an Agent object', (s) => (s.object = AGENT)],
  ['a Group object', (s) => (s.object = GROUP)],
  ['a StatementRef object', (s) => (s.object = STATEMENT_REF)],
  ['a SubStatement object', (s) => (s.object = subStatement())],
  ['a SubStatement with an Agent object', (s) => (s.object = { ...subStatement(), object: AGENT })],
  ['a SubStatement with a StatementRef object', (s) => (s.object = { ...subStatement(), object: STATEMENT_REF })],
  ['a SubStatement with result, context, timestamp and attachments', (s) => (s.object = {
    ...subStatement(),
    result: { success: true, duration: 'PT1H0M0.1S' },
    context: { registration: 'ec531277-b57b-4c15-8d91-d292c5b2b8f7', contextActivities: { parent: { id: 'http://example.com/p' } } },
    timestamp: '2013-05-18T05:32:34.804Z',
    attachments: [{ usageType: 'http://example.com/u', display: { en: 'a' }, contentType: 'text/plain', length: 1, sha2: 'a'.repeat(64) }],
  })],
  ['an activity without objectType', (s) => delete s.object.objectType],
  ['an activity without definition', (s) => delete s.object.definition],
  ['an empty definition', (s) => (s.object.definition = {})],
  ['null inside definition extensions', (s) => (s.object.definition.extensions = { 'http://example.com/null': null })],
  ['a true-false interaction', interaction('true-false', { correctResponsesPattern: ['true'] })],
  ['a choice interaction', interaction('choice', { correctResponsesPattern: ['golf[,]tetris'], choices: [component('golf'), component('tetris')] })],
  ['a fill-in interaction', interaction('fill-in', { correctResponsesPattern: ['Bob\'s your uncle'] })],
  ['a long-fill-in interaction', interaction('long-fill-in', { correctResponsesPattern: ['{case_matters=false}{lang=en}x'] })],
  ['a matching interaction', interaction('matching', { correctResponsesPattern: ['ben[.]3'], source: [component('ben')], target: [component('3')] })],
  ['a performance interaction', interaction('performance', { correctResponsesPattern: ['pong[.]1:[,]dg[.]:10'], steps: [component('pong'), component('dg')] })],
  ['a sequencing interaction', interaction('sequencing', { choices: [component('tim'), component('mike')] })],
  ['a sequencing interaction without choices', interaction('sequencing', { correctResponsesPattern: ['tim[,]mike'] })],
  ['a likert interaction', interaction('likert', { correctResponsesPattern: ['likert_3'], scale: [component('likert_0'), component('likert_3')] })],
  ['a numeric interaction', interaction('numeric', { correctResponsesPattern: ['4[:]'] })],
  ['an other interaction', interaction('other', { correctResponsesPattern: ['(35.937432,-86.868896)'] })],
  ['an interactionType without patterns or components', interaction('choice')],
  ['the same component id in two different lists', interaction('matching', { source: [component('a')], target: [component('a')] })],
  ['a voiding statement with a StatementRef', (s) => ((s.verb = { id: 'http://adlnet.gov/expapi/verbs/voided' }), (s.object = STATEMENT_REF))],
];

const invalid: InvalidRow[] = [
  ['a missing actor', 'actor', (s) => delete s.actor],
  ['a missing verb', 'verb', (s) => delete s.verb],
  ['a missing object', 'object', (s) => delete s.object],
  ['a null actor', 'actor', (s) => (s.actor = null)],
  ['"iD" instead of "id"', 'iD', (s) => (s.iD = 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0')],
  ['"Actor" next to actor', 'Actor', (s) => (s.Actor = AGENT)],
  ['"veRb" next to verb', 'veRb', (s) => (s.veRb = s.verb)],
  ['"oBject" next to object', 'oBject', (s) => (s.oBject = ACTIVITY)],
  ['"RESULT"', 'RESULT', (s) => (s.RESULT = {})],
  ['"conText"', 'conText', (s) => (s.conText = {})],
  ['"timeStamp"', 'timeStamp', (s) => (s.timeStamp = '2013-05-18T05:32:34.804Z')],
  ['"STOred"', 'STOred', (s) => (s.STOred = '2013-05-18T05:32:34.804Z')],
  ['"auTHORity"', 'auTHORity', (s) => (s.auTHORity = AGENT)],
  ['"Version"', 'Version', (s) => (s.Version = '1.0.0')],
  ['"attachmentS"', 'attachmentS', (s) => (s.attachmentS = [])],
  ['an unknown top-level property', 'foo', (s) => (s.foo = 'bar')],
  ['a numeric id', 'id', (s) => (s.id = 12345)],
  ['an object id', 'id', (s) => (s.id = { key: 'should fail' })],
  ['an id with too many digits', 'id', (s) => (s.id = 'AA97B177-9383-4934-8543-0F91A7A028368')],
  ['an id with a non-hex letter', 'id', (s) => (s.id = 'MA97B177-9383-4934-8543-0F91A7A02836')],
  ['an empty id', 'id', (s) => (s.id = '')],
  ['an id without dashes', 'id', (s) => (s.id = 'fd41c918b88b4b20a0a5a4c32391aaa0')],
  ['an id in braces', 'id', (s) => (s.id = '{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}')],
  ['an actor objectType holding JSON text', 'actor.objectType', (s) => (s.actor.objectType = '"objectType": "Agent"')],
  ['an actor with two IFIs', 'actor', (s) => (s.actor.openid = 'http://openid.example.org/12345')],
  ['an actor name of null', 'actor.name', (s) => (s.actor.name = null)],
  ['a verb without id', 'verb.id', (s) => delete s.verb.id],
  ['a verb id without a scheme', 'verb.id', (s) => (s.verb.id = 'adlnet.gov/expapi/verbs/attended')],
  ['a verb id with an invalid scheme', 'verb.id', (s) => (s.verb.id = 'ab=c://should.fail.com')],
  ['a verb display that is a string', 'verb.display', (s) => (s.verb.display = 'attended')],
  ['a verb display value of null', 'verb.display.en-US', (s) => (s.verb.display = { 'en-US': null })],
  ['a verb display tag with two regions', 'verb.display.de-419-DE', (s) => (s.verb.display = { 'de-419-DE': 'besucht' })],
  ['a verb display tag "something"', 'verb.display.something', (s) => (s.verb.display = { something: 'besucht' })],
  ['a verb display tag "a-DE"', 'verb.display.a-DE', (s) => (s.verb.display = { 'a-DE': 'x' })],
  ['a verb display tag with a repeated extension singleton', 'verb.display.ar-a-aaa-b-bbb-a-ccc', (s) => (s.verb.display = { 'ar-a-aaa-b-bbb-a-ccc': 'x' })],
  ['an empty verb display', 'verb.display', (s) => (s.verb.display = {})],
  ['a verb display tag with a reserved 4-letter language ("test")', 'verb.display.test', (s) => (s.verb.display = { test: 'x' })],
  ['an empty definition name', 'object.definition.name', (s) => (s.object.definition = { name: {} })],
  ['an empty definition description', 'object.definition.description', (s) => (s.object.definition = { description: {} })],
  ['an unknown verb property', 'verb.name', (s) => (s.verb.name = 'attended')],
  ['object objectType "activity" (wrong case)', 'object.objectType', (s) => (s.object.objectType = 'activity')],
  ['an unknown object objectType', 'object.objectType', (s) => (s.object.objectType = 'Thing')],
  ['an Agent object without objectType', 'object.mbox', (s) => (s.object = { mbox: 'mailto:xapi@adlnet.gov' })],
  ['a Group object without objectType', 'object.member', (s) => (s.object = { member: GROUP.member })],
  ['an activity without id', 'object.id', (s) => delete s.object.id],
  ['an activity id that is not an IRI', 'object.id', (s) => (s.object.id = 'ab=c://should.fail.com')],
  ['an activity id without a scheme', 'object.id', (s) => (s.object.id = 'www.example.com/meetings/34534')],
  ['an unknown activity property', 'object.name', (s) => (s.object.name = 'x')],
  ['a definition that is a string', 'object.definition', (s) => (s.object.definition = 'should error')],
  ['a definition that is a number', 'object.definition', (s) => (s.object.definition = 12345)],
  ['a definition name that is a string', 'object.definition.name', (s) => (s.object.definition.name = 'name')],
  ['a definition name with an invalid tag', 'object.definition.name.de-419-DE', (s) => (s.object.definition.name = { 'de-419-DE': 'x' })],
  ['a definition description that is a number', 'object.definition.description', (s) => (s.object.definition.description = 12345)],
  ['a definition type without a scheme', 'object.definition.type', (s) => (s.object.definition.type = 'should error')],
  ['a definition moreInfo that is not an IRL', 'object.definition.moreInfo', (s) => (s.object.definition.moreInfo = 'should error')],
  ['a definition moreInfo of null', 'object.definition.moreInfo', (s) => (s.object.definition.moreInfo = null)],
  ['definition extensions that are a string', 'object.definition.extensions', (s) => (s.object.definition.extensions = 'should error')],
  ['definition extension keys that are not IRIs', 'object.definition.extensions.id', (s) => (s.object.definition.extensions = { id: 'valid', description: { 'en-US': 'valid' } })],
  ['an unknown definition property', 'object.definition.title', (s) => (s.object.definition.title = 'x')],
  ...['true-faLse', 'choiCe', 'fill-iN', 'long-fiLl-in', 'matchIng', 'perfOrmance', 'seqUencing', 'liKert', 'nUmeric', 'Other'].map(
    (t): InvalidRow => [`interactionType "${t}" (wrong case)`, 'object.definition.interactionType', interaction(t)],
  ),
  ['a numeric interactionType', 'object.definition.interactionType', interaction(12345 as unknown as string)],
  ['an IRI interactionType', 'object.definition.interactionType', interaction('http://adlnet.gov/expapi/activities/cmi.interaction')],
  ['an object interactionType', 'object.definition.interactionType', (s) => (s.object.definition = { interactionType: { choice: true } })],
  ['correctResponsesPattern without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.correctResponsesPattern = ['true'])],
  ['choices without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.choices = [component('a')])],
  ['scale without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.scale = [component('a')])],
  ['source without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.source = [component('a')])],
  ['target without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.target = [component('a')])],
  ['steps without interactionType', 'object.definition.interactionType', (s) => (s.object.definition.steps = [component('a')])],
  ['choices on a likert interaction', 'object.definition.choices', interaction('likert', { choices: [component('a')] })],
  ['steps on a true-false interaction', 'object.definition.steps', interaction('true-false', { steps: [component('a')] })],
  ['scale on a matching interaction', 'object.definition.scale', interaction('matching', { scale: [component('a')] })],
  ['a correctResponsesPattern that is a string', 'object.definition.correctResponsesPattern', interaction('true-false', { correctResponsesPattern: 'true' })],
  ['a correctResponsesPattern holding a number', 'object.definition.correctResponsesPattern[0]', interaction('numeric', { correctResponsesPattern: [4] })],
  ['choices that are an object', 'object.definition.choices', interaction('choice', { choices: component('a') })],
  ['a component without id', 'object.definition.choices[0].id', interaction('choice', { choices: [{ description: { en: 'a' } }] })],
  ['a component with a numeric id', 'object.definition.choices[0].id', interaction('choice', { choices: [{ id: 1 }] })],
  ['duplicate component ids', 'object.definition.choices[1].id', interaction('choice', { choices: [component('a'), component('a')] })],
  ['a component that is a string', 'object.definition.choices[0]', interaction('choice', { choices: ['a'] })],
  ['a component description with an invalid tag', 'object.definition.scale[0].description.de-419-DE', interaction('likert', { scale: [{ id: 'a', description: { 'de-419-DE': 'x' } }] })],
  ['an unknown component property', 'object.definition.scale[0].name', interaction('likert', { scale: [{ id: 'a', name: 'x' }] })],
  ['a StatementRef without id', 'object.id', (s) => (s.object = { objectType: 'StatementRef' })],
  ['a StatementRef id that is not a UUID', 'object.id', (s) => (s.object = { objectType: 'StatementRef', id: 'AA97B177-9383-4934-8543-0F91A7A028368' })],
  ['a StatementRef with an extra property', 'object.definition', (s) => (s.object = { ...STATEMENT_REF, definition: {} })],
  ['objectType "statementref" (wrong case)', 'object.objectType', (s) => (s.object = { ...STATEMENT_REF, objectType: 'statementref' })],
  ['objectType "substatement" (wrong case)', 'object.objectType', (s) => (s.object = { ...subStatement(), objectType: 'substatement' })],
  ['a SubStatement inside a SubStatement', 'object.object.objectType', (s) => (s.object = { ...subStatement(), object: subStatement() })],
  ['a SubStatement with an id', 'object.id', (s) => (s.object = { ...subStatement(), id: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' })],
  ['a SubStatement with stored', 'object.stored', (s) => (s.object = { ...subStatement(), stored: '2013-05-18T05:32:34.804Z' })],
  ['a SubStatement with version', 'object.version', (s) => (s.object = { ...subStatement(), version: '1.0.0' })],
  ['a SubStatement with authority', 'object.authority', (s) => (s.object = { ...subStatement(), authority: AGENT })],
  ['a SubStatement without actor', 'object.actor', (s) => (s.object = { ...subStatement(), actor: undefined }, delete s.object.actor)],
  ['a SubStatement without verb', 'object.verb', (s) => (delete (s.object = subStatement()).verb)],
  ['a SubStatement without object', 'object.object', (s) => (delete (s.object = subStatement()).object)],
  ['a SubStatement verb display with an invalid tag', 'object.verb.display.de-419-DE', (s) => ((s.object = subStatement()).verb.display = { 'de-419-DE': 'x' })],
  ['a SubStatement actor with an invalid objectType', 'object.actor.objectType', (s) => ((s.object = subStatement()).actor.objectType = 'agent')],
  ['a SubStatement with an invalid timestamp', 'object.timestamp', (s) => ((s.object = subStatement()).timestamp = 'should fail')],
  ['a SubStatement activity without id', 'object.object.id', (s) => delete (s.object = subStatement()).object.id],
  ['a voiding statement whose object is an Activity', 'object', (s) => (s.verb = { id: 'http://adlnet.gov/expapi/verbs/voided' })],
];

describe.each(XAPI_VERSIONS)('validateStatement (%s)', (version) => {
  it.each(valid)('accepts %s', (_name, mutate) => {
    expect(check(version, mutate)).toEqual([]);
  });

  it.each(invalid)('rejects %s', (_name, path, mutate) => {
    expect(check(version, mutate).map((i) => i.path)).toContain(path);
  });

  it.each([null, [], 'statement', 42])('rejects %j as a statement', (input) => {
    expect(validateStatement(input, version)).not.toEqual([]);
  });

  it('names the failing property with its path', () => {
    expect(check(version, (s) => (s.object = { ...subStatement(), verb: { id: 'nope' } }))).toEqual([
      { path: 'object.verb.id', message: 'must be an IRI (with a scheme)' },
    ]);
  });

  it('reports every problem, not only the first', () => {
    const issues = check(version, (s) => {
      delete s.verb;
      s.id = 'x';
      s.timestamp = 'y';
    });
    expect(issues.map((i) => i.path).sort()).toEqual(['id', 'timestamp', 'verb']);
  });

  it('checks a sub-statement on its own when asked to', () => {
    expect(validateStatement(subStatement(), version, { substatement: true })).toEqual([]);
    expect(validateStatement(baseStatement(), version, { substatement: true })).toContainEqual({ path: 'objectType', message: 'must be "SubStatement"' });
    expect(validateStatement({ ...subStatement(), object: subStatement() }, version, { substatement: true })).not.toEqual([]);
  });
});
