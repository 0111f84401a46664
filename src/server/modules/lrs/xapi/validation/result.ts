// Result and Score (1.0.3 Data 2.4.5, 2.0.0 4.2.2.4): identical in both versions.
import { checkBoolean, checkExtensions, checkString, expectObject, rejectUnknownKeys, type Issues } from './checks.js';
import { isDuration, join } from './primitives.js';

const RESULT_KEYS = ['score', 'success', 'completion', 'response', 'duration', 'extensions'] as const;
const SCORE_KEYS = ['scaled', 'raw', 'min', 'max'] as const;

export function checkResult(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a Result object')) return;
  rejectUnknownKeys(v, value, RESULT_KEYS, path, 'a Result');
  if ('score' in value) checkScore(v, value.score, join(path, 'score'));
  checkBoolean(v, value, 'success', path);
  checkBoolean(v, value, 'completion', path);
  checkString(v, value, 'response', path);
  if ('duration' in value && !isDuration(value.duration)) {
    v.add(join(path, 'duration'), 'must be an ISO 8601 duration such as "PT1H30M" or "P2W"');
  }
  if ('extensions' in value) checkExtensions(v, value.extensions, join(path, 'extensions'));
}

function checkScore(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'a Score object')) return;
  rejectUnknownKeys(v, value, SCORE_KEYS, path, 'a Score');
  const numbers: Partial<Record<(typeof SCORE_KEYS)[number], number>> = {};
  for (const key of SCORE_KEYS) {
    if (!(key in value)) continue;
    const n = value[key];
    // Strings are refused even when they hold a number ("100"): wrong JSON type.
    if (typeof n !== 'number' || !Number.isFinite(n)) v.add(join(path, key), 'must be a number');
    else numbers[key] = n;
  }
  const { scaled, raw, min, max } = numbers;
  if (scaled !== undefined && (scaled < -1 || scaled > 1)) v.add(join(path, 'scaled'), 'must be between -1 and 1');
  if (min !== undefined && max !== undefined && !(min < max)) v.add(join(path, 'min'), 'must be less than max');
  if (raw !== undefined && min !== undefined && raw < min) v.add(join(path, 'raw'), 'must not be less than min');
  if (raw !== undefined && max !== undefined && raw > max) v.add(join(path, 'raw'), 'must not be greater than max');
}
