import { describe, expect, it } from 'vitest';
import { cmi5CourseXml, type FixtureCourse } from '../../../../test/fixtures/cmi5/course.js';
import { parseCmi5 } from '../packages/manifest/cmi5.parse.js';
import { auSatisfied, courseActivityIds, courseOf, newlySatisfied, type AuProgress } from './cmi5.course.js';
import { checkAuStatements, type SessionFacts } from './cmi5.rules.js';
import { isoDuration } from './cmi5.statements.js';
import { CATEGORY_CMI5, EXT, VERB } from './cmi5.vocabulary.js';

const PUBLIC = 'https://lms.example.org';
const structure: FixtureCourse = {
  id: 'https://pub.example.org/course',
  children: [
    { kind: 'block', id: 'https://pub.example.org/outer', children: [{ id: 'https://pub.example.org/a' }, { kind: 'block', id: 'https://pub.example.org/inner', children: [{ id: 'https://pub.example.org/b', moveOn: 'Passed' }] }] },
    { id: 'https://pub.example.org/c', moveOn: 'Completed' },
  ],
};
const course = courseOf(PUBLIC, '3f1b8f5e-5a43-4c55-9d0f-7f1c1d1e2a3b', parseCmi5(cmi5CourseXml(structure)));

describe('a course structure as the LMS sees it', () => {
  it('numbers AUs depth first and knows the blocks around each', () => {
    expect(course.aus.map((au) => [au.index, au.id.split('/').pop(), au.blockIds.map((b) => b.split('/').pop())])).toEqual([
      [0, 'a', ['outer']],
      [1, 'b', ['outer', 'inner']],
      [2, 'c', []],
    ]);
    expect(course.blocks.map((b) => b.id.split('/').pop())).toEqual(['inner', 'outer']);
  });

  it('generates activity ids that differ from every publisher id and stay the same for the same package', () => {
    const again = courseOf(PUBLIC, course.packageId, parseCmi5(cmi5CourseXml(structure)));
    const generated = [course.activityId, ...course.blocks.map((b) => b.activityId), ...course.aus.map((a) => a.activityId)];
    expect(generated).toEqual([again.activityId, ...again.blocks.map((b) => b.activityId), ...again.aus.map((a) => a.activityId)]);
    for (const id of generated) expect(id.startsWith(`${PUBLIC}/xapi/activities/packages/${course.packageId}/`)).toBe(true);
    expect(courseActivityIds(course).size).toBe(2 * (1 + 2 + 3));
  });

  it.each<[string, AuProgress, Record<string, boolean>]>([
    ['nothing', { completed: false, passed: false, waived: false }, { NotApplicable: true, Completed: false, Passed: false, CompletedAndPassed: false, CompletedOrPassed: false }],
    ['completed', { completed: true, passed: false, waived: false }, { NotApplicable: true, Completed: true, Passed: false, CompletedAndPassed: false, CompletedOrPassed: true }],
    ['passed', { completed: false, passed: true, waived: false }, { NotApplicable: true, Completed: false, Passed: true, CompletedAndPassed: false, CompletedOrPassed: true }],
    ['both', { completed: true, passed: true, waived: false }, { NotApplicable: true, Completed: true, Passed: true, CompletedAndPassed: true, CompletedOrPassed: true }],
    ['waived', { completed: false, passed: false, waived: true }, { NotApplicable: true, Completed: true, Passed: true, CompletedAndPassed: true, CompletedOrPassed: true }],
  ])('moveOn after %s', (_what, progress, expected) => {
    for (const [moveOn, satisfied] of Object.entries(expected)) expect(auSatisfied(moveOn as never, progress), moveOn).toBe(satisfied);
  });

  it('satisfies inner blocks before outer ones and the course last, each once', () => {
    const progress = (done: string[]) => (au: { id: string }) => ({ completed: done.includes(au.id), passed: done.includes(au.id), waived: false });
    const names = (nodes: { publisherId: string }[]) => nodes.map((n) => n.publisherId.split('/').pop());
    const [b, c] = ['https://pub.example.org/b', 'https://pub.example.org/c'];
    expect(names(newlySatisfied(course, progress([]), new Set()))).toEqual([]);
    // a is NotApplicable, so b alone completes the inner and then the outer block.
    expect(names(newlySatisfied(course, progress([b]), new Set()))).toEqual(['inner', 'outer']);
    const done = new Set(['https://pub.example.org/inner', 'https://pub.example.org/outer']);
    expect(names(newlySatisfied(course, progress([b, c]), done))).toEqual(['course']);
    expect(newlySatisfied(course, progress([b, c]), new Set([...done, structure.id]))).toEqual([]);
  });
});

describe('the rules in one batch', () => {
  const session: SessionFacts = {
    sessionId: 's-1',
    registration: 'ccaf384c-f8d4-4e7a-8304-49af58f0b176',
    actorKey: 'account:https://learners.example.org|x',
    auId: 'https://pub.example.org/a',
    auActivityId: 'https://lms.example.org/a',
    launchMode: 'Normal',
    masteryScore: null,
    learnerPrefsFetched: true,
    initialized: false,
    terminated: false,
    definedVerbs: [],
  };
  const st = (verb: string, result?: object) => ({
    id: crypto.randomUUID(),
    timestamp: '2024-01-01T10:00:00.000Z',
    actor: { account: { homePage: 'https://learners.example.org', name: 'x' } },
    verb: { id: verb },
    object: { id: session.auActivityId },
    result,
    context: { registration: session.registration, contextActivities: { category: [{ id: CATEGORY_CMI5 }], grouping: [{ id: session.auId }] }, extensions: { [EXT.sessionId]: 's-1' } },
  });

  it('lets each statement see the ones before it: initialized then terminated in one request', () => {
    const verdict = checkAuStatements([st(VERB.initialized), st(VERB.terminated, { duration: 'PT1S' })], session, { completed: false, passed: false });
    expect(verdict).toMatchObject({ ok: true, session: { initialized: true, terminated: true, definedVerbs: [VERB.initialized, VERB.terminated] } });
  });

  it('refuses anything after terminated in the same request, naming the statement', () => {
    const verdict = checkAuStatements([st(VERB.initialized), st(VERB.terminated, { duration: 'PT1S' }), st(VERB.initialized)], session, { completed: false, passed: false });
    expect(verdict).toMatchObject({ ok: false, rule: '9.3.0.0-5', index: 2 });
  });
});

describe('durations', () => {
  it.each([
    [0, 'PT0S'],
    [1234, 'PT1.23S'],
    [61_000, 'PT1M1S'],
    [3_723_450, 'PT1H2M3.45S'],
  ])('%i ms is %s', (ms, iso) => expect(isoDuration(ms)).toBe(iso));
});
