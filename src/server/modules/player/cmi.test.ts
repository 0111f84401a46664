import { describe, expect, it } from 'vitest';
import type { ScormItem } from '../packages/manifest/scorm-manifest.types.js';
import { cmiTimespan, isoDuration, isoDurationSeconds, timespanSeconds } from './cmi-time.js';
import { normalizeCmi, summarizeCmi } from './cmi.js';
import { scorm12LaunchCmi } from './launch-cmi.js';
import { rollUp12 } from './player-statements.js';

describe('run-time data checks', () => {
  it('keeps what the data model knows and drops what it does not', () => {
    const out = normalizeCmi('scorm12', { cmi: { core: { lesson_status: 'incomplete', invented: 'x' }, suspend_data: 'abc', extra: { a: '1' } } });
    expect((out.cmi.core as any).lesson_status).toBe('incomplete');
    expect((out.cmi.core as any).invented).toBeUndefined();
    expect(out.cmi.extra).toBeUndefined();
    expect(out.cmi.suspend_data).toBe('abc');
  });

  it.each([
    ['scorm12', { cmi: { core: { lesson_status: 'done' } } }],
    ['scorm12', { cmi: { core: { lesson_location: 'x'.repeat(256) } } }],
    ['scorm2004_4th', { cmi: { completion_status: 'passed' } }],
    ['scorm2004_4th', { cmi: { score: { scaled: '1.5' } } }],
    ['scorm2004_4th', { cmi: { session_time: '00:01:00' } }],
    ['scorm2004_4th', { cmi: { constructor: { x: '1' } } }],
    ['scorm2004_4th', { cmi: { a: { b: { c: { d: { e: { f: { g: { h: { i: '1' } } } } } } } } } }],
    ['scorm2004_4th', { cmi: { interactions: [] } }],
    ['scorm2004_4th', { cmi: { location: null } }],
  ] as const)('refuses %s data %j', (kind, data) => {
    expect(() => normalizeCmi(kind, data as Record<string, unknown>)).toThrowError(expect.objectContaining({ code: 'VALIDATION' }));
  });
});

describe('status and score', () => {
  it('reads SCORM 1.2 passed and failed as completed, and scales raw over min…max', () => {
    const passed = summarizeCmi('scorm12', normalizeCmi('scorm12', { cmi: { core: { lesson_status: 'passed', score: { raw: '45', min: '0', max: '50' }, exit: 'suspend', session_time: '00:10:00' } } }));
    expect(passed).toMatchObject({ completion: 'completed', success: 'passed', score: { scaled: 0.9, raw: 45, min: 0, max: 50 }, exit: 'suspend', sessionSeconds: 600 });
    const failed = summarizeCmi('scorm12', normalizeCmi('scorm12', { cmi: { core: { lesson_status: 'failed', score: { raw: '30' } } } }));
    expect(failed).toMatchObject({ completion: 'completed', success: 'failed', score: { scaled: 0.3, raw: 30, min: null, max: null } });
    expect(summarizeCmi('scorm12', normalizeCmi('scorm12', { cmi: { core: { lesson_status: 'browsed' } } })).completion).toBe('incomplete');
  });

  it('reads SCORM 2004 completion and success separately', () => {
    const s = summarizeCmi('scorm2004_4th', normalizeCmi('scorm2004_4th', { cmi: { completion_status: 'incomplete', success_status: 'failed', score: { scaled: '-0.5' }, session_time: 'PT1H2M3S' } }));
    expect(s).toMatchObject({ completion: 'incomplete', success: 'failed', score: { scaled: -0.5, raw: null }, sessionSeconds: 3723 });
  });

  it('rolls a SCORM 1.2 course up from its SCOs', () => {
    const sco = (completion: 'completed' | 'incomplete', success: 'passed' | 'failed' | 'unknown', scaled: number | null) => ({
      completion,
      success,
      score: { scaled, raw: null, min: null, max: null },
      entry: '',
      exit: '',
      location: '',
      sessionSeconds: 0,
    });
    expect(rollUp12(2, [sco('completed', 'passed', 0.8)])).toEqual({ completion: 'incomplete', success: 'unknown', scoreScaled: 0.8 });
    expect(rollUp12(2, [sco('completed', 'passed', 0.8), sco('completed', 'unknown', 0.6)])).toEqual({ completion: 'completed', success: 'passed', scoreScaled: 0.7 });
    expect(rollUp12(2, [sco('completed', 'failed', 0.2), sco('incomplete', 'unknown', null)])).toMatchObject({ success: 'failed' });
    expect(rollUp12(1, [])).toEqual({ completion: 'not_attempted', success: 'unknown', scoreScaled: null });
  });
});

describe('time values', () => {
  it('converts between CMITimespan, ISO 8601 and seconds', () => {
    expect(timespanSeconds('0001:02:03.5')).toBe(3723.5);
    expect(timespanSeconds('1:02:03')).toBeNull();
    expect(isoDurationSeconds('PT1H2M3.5S')).toBe(3723.5);
    expect(isoDurationSeconds('P1DT1S')).toBe(86401);
    expect(isoDurationSeconds('PT')).toBeNull();
    expect(isoDurationSeconds('P')).toBeNull();
    expect(isoDuration(3723.5)).toBe('PT1H2M3.5S');
    expect(isoDuration(0)).toBe('PT0S');
    expect(isoDuration(120)).toBe('PT2M');
    expect(cmiTimespan(3723.5)).toBe('01:02:03.5');
    expect(cmiTimespan(59.999)).toBe('00:01:00');
    expect(cmiTimespan(0)).toBe('00:00:00');
  });
});

describe('SCORM 1.2 launch data', () => {
  const item = { identifier: 'i', title: 'I', isVisible: true, children: [], sharedData: [], masteryScore: 75, dataFromLms: 'x=1', maxTimeAllowed: '00:30:00', timeLimitAction: 'exit,message' } as ScormItem;
  const learner = { id: 'p-1', name: 'Nordmann, Kari' };

  it('starts ab-initio, resumes after exit=suspend, and enters with "" after a normal exit', () => {
    expect((scorm12LaunchCmi(null, item, learner, { sessions: 0, lastExit: '', totalSeconds: 0 }).cmi.core as any).entry).toBe('ab-initio');
    const stored = normalizeCmi('scorm12', { cmi: { core: { lesson_status: 'incomplete', exit: 'suspend', session_time: '00:01:00' }, suspend_data: 's' } });
    const resumed = scorm12LaunchCmi(stored, item, learner, { sessions: 2, lastExit: 'suspend', totalSeconds: 90 });
    expect(resumed.cmi.core).toMatchObject({ entry: 'resume', student_id: 'p-1', student_name: 'Nordmann, Kari', total_time: '00:01:30', lesson_status: 'incomplete' });
    expect((resumed.cmi.core as any).exit).toBeUndefined();
    expect((resumed.cmi.core as any).session_time).toBeUndefined();
    expect(resumed.cmi.student_data).toEqual({ mastery_score: '75', max_time_allowed: '00:30:00', time_limit_action: 'exit,message' });
    expect((scorm12LaunchCmi(stored, item, learner, { sessions: 1, lastExit: '', totalSeconds: 0 }).cmi.core as any).entry).toBe('');
    // What the LMS hands over is itself valid run-time data.
    expect(() => normalizeCmi('scorm12', resumed)).not.toThrow();
  });
});
