import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { courseContent, type CourseContent } from '../../../src/shared/api/learning-content.js';
import { inspectPackage } from '../../../src/server/modules/packages/manifest/package-inspect.js';
import { safeUnzip } from '../../../src/server/modules/packages/zip/safe-unzip.js';
import { DEMO_COURSES } from './courses/demo-courses.js';
import { handHygieneContent, handHygieneZip } from './packages/hand-hygiene-scorm12.js';
import { loadScoRuntime } from './packages/sco-runtime.test-helper.js';
import { welfareModule1, welfareTechnologyZip } from './packages/welfare-technology-scorm2004.js';

// The demo's learning content as data: every built-in course is valid course
// content in bokmål and English with the same structure in both, and the two
// SCORM packages unpack and pass the same inspection as an upload. Their SCO
// logic is driven against scorm-again, the runtime the player uses.

/** Everything but the words: ids, quiz settings and which options are correct. */
const shape = (c: CourseContent) =>
  c.lessons.map((l) => ({
    id: l.id,
    blocks: l.blocks.map((b) =>
      b.type === 'quiz' ? { id: b.id, passMark: b.passMark, questions: b.questions.map((q) => ({ id: q.id, multiple: q.multiple, options: q.options.map((o) => [o.id, o.correct]) })) } : { id: b.id, type: b.type },
    ),
  }));

describe('the demo courses', () => {
  it('are three valid courses in bokmål and English, 4–6 lessons each, with the same structure in both languages', () => {
    expect(DEMO_COURSES.map((c) => c.key)).toEqual(['information-security', 'medicine-dispenser', 'patient-record']);
    for (const course of DEMO_COURSES) {
      const nb = courseContent.parse(course.content.nb);
      const en = courseContent.parse(course.content.en);
      expect(nb.lessons.length, course.key).toBeGreaterThanOrEqual(4);
      expect(nb.lessons.length, course.key).toBeLessThanOrEqual(6);
      expect(shape(nb), course.key).toEqual(shape(en));
      expect(nb.title).not.toBe(en.title);
    }
  });

  it('each have a final quiz with single- and multiple-choice questions, feedback and a pass mark', () => {
    for (const course of DEMO_COURSES) {
      for (const content of [course.content.nb, course.content.en]) {
        const last = content.lessons.at(-1)!.blocks.find((b) => b.type === 'quiz');
        expect(last, course.key).toBeDefined();
        if (last?.type !== 'quiz') continue;
        expect(last.passMark).toBeGreaterThanOrEqual(50);
        expect(last.questions.some((q) => q.multiple)).toBe(true);
        expect(last.questions.some((q) => !q.multiple)).toBe(true);
        expect(last.questions.some((q) => q.options.some((o) => o.feedback))).toBe(true);
      }
    }
  });

  it('write Markdown text without raw HTML', () => {
    for (const course of DEMO_COURSES) {
      for (const lesson of [...course.content.nb.lessons, ...course.content.en.lessons]) {
        for (const b of lesson.blocks) if (b.type === 'text') expect(b.markdown, `${course.key}/${lesson.id}`).not.toMatch(/<[a-z]/i);
      }
    }
  });
});

async function inspectZip(zip: Buffer) {
  const dir = await mkdtemp(join(tmpdir(), 'mestring-demo-zip-'));
  try {
    await writeFile(join(dir, 'p.zip'), zip);
    const unzipped = await safeUnzip(join(dir, 'p.zip'), join(dir, 'files'), { maxFiles: 100, maxUncompressedBytes: 1 << 24, maxRatio: 200, ratioFloorBytes: 1 << 20 });
    return await inspectPackage(join(dir, 'files'), unzipped.files.map((f) => f.path));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the demo SCORM packages', () => {
  it('hand hygiene is a SCORM 1.2 package with one SCO', async () => {
    const p = await inspectZip(handHygieneZip());
    expect(p).toMatchObject({ family: 'scorm', kind: 'scorm12', identifier: 'no.mestring.demo.hand-hygiene', title: 'Hand hygiene and infection control' });
    expect(p.launchables.map((l) => [l.identifier, l.kind, l.launchUrl])).toEqual([['lesson', 'sco', 'index.html']]);
  });

  it('welfare technology is a SCORM 2004 4th edition package with two SCOs, flow and choice', async () => {
    const p = await inspectZip(welfareTechnologyZip());
    expect(p).toMatchObject({ family: 'scorm', kind: 'scorm2004_4th', identifier: 'no.mestring.demo.welfare-technology' });
    expect(p.launchables.map((l) => [l.identifier, l.kind, l.launchUrl])).toEqual([
      ['module1', 'sco', 'module1.html'],
      ['module2', 'sco', 'module2.html'],
    ]);
    expect(JSON.stringify(p.manifest)).toMatch(/"flow":true/);
  });

  it('the SCORM 1.2 SCO initializes, fails a wrong quiz, passes on retry with a score, and finishes', () => {
    const { Course, lms12 } = loadScoRuntime();
    const api = new Scorm12API({ logLevel: 5 });
    const course = new Course(lms12(api), handHygieneContent, () => 1_000);
    expect(course.start()).toBe(true);
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('incomplete');
    course.go(course.pageCount() - 1);
    expect(api.LMSGetValue('cmi.core.lesson_location')).toBe(String(handHygieneContent.pages.length));
    const result = course.submit();
    expect(result).toMatchObject({ percent: 0, passed: false });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('failed');
    course.retry();
    for (const q of handHygieneContent.quiz.questions) course.choose(q.id, q.options.filter((o) => o.correct).map((o) => o.id));
    expect(course.submit()).toMatchObject({ percent: 100, passed: true });
    expect(api.LMSGetValue('cmi.core.lesson_status')).toBe('passed');
    expect(api.LMSGetValue('cmi.core.score.raw')).toBe('100');
    expect(JSON.parse(api.LMSGetValue('cmi.suspend_data')).r.passed).toBe(true);
    expect(course.finish()).toBe(true);
    expect(api.isTerminated()).toBe(true);
  });

  it('a SCORM 2004 SCO sets completion, success and scaled score, and resumes where the learner left', () => {
    const { Course, lms2004 } = loadScoRuntime();
    const api = new Scorm2004API({ logLevel: 5 });
    const course = new Course(lms2004(api), welfareModule1, () => 0);
    course.start();
    expect(api.GetValue('cmi.completion_status')).toBe('incomplete');
    course.setLanguage('en');
    course.go(1);
    const saved = api.renderCMIToJSONObject() as Record<string, any>;
    expect(saved.cmi.location).toBe('1');

    const resumed = new Scorm2004API({ logLevel: 5 });
    resumed.loadFromJSON({ cmi: { location: saved.cmi.location, suspend_data: saved.cmi.suspend_data } } as never);
    const again = new Course(lms2004(resumed), welfareModule1, () => 0);
    again.start();
    expect([again.page, again.lang]).toEqual([1, 'en']);
    const [first, second] = welfareModule1.quiz.questions;
    again.choose(first!.id, first!.options.filter((o) => o.correct).map((o) => o.id));
    again.choose(second!.id, [second!.options[0]!.id]);
    expect(again.submit()).toMatchObject({ percent: 50, passed: true });
    expect(resumed.GetValue('cmi.completion_status')).toBe('completed');
    expect(resumed.GetValue('cmi.success_status')).toBe('passed');
    expect(resumed.GetValue('cmi.score.scaled')).toBe('0.5');
    expect(again.finish()).toBe(true);
    expect(resumed.isTerminated()).toBe(true);
  });
});
