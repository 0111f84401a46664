import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { CompletionStatus, ScormKind, SuccessStatus } from '../../../shared/api/player.js';
import { AppError } from '../../http/app-error.js';
import { isoDurationSeconds, timespanSeconds } from './cmi-time.js';

// The run-time data a player sends is scorm-again's JSON rendering of a SCO's
// data model. The server trusts none of it: it first checks the JSON is plain
// data (no prototype keys, bounded size), then loads it into a fresh
// scorm-again API of the package's SCORM version, which applies the data
// model's own rules (vocabularies, types, lengths) and refuses a bad value,
// and keeps what that API renders back. So what is stored is exactly what a
// player can load again on resume, and nothing else.

export type CmiJson = { cmi: Record<string, unknown> };

const MAX_DEPTH = 8;
const MAX_NODES = 50_000;
const MAX_STRING = 64_000;
const SAFE_KEY = /^[A-Za-z0-9_]{1,64}$/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const invalid = (message: string, details: Record<string, unknown> = {}) => AppError.validation(message, { reason: 'CMI_INVALID', ...details });

/** Plain JSON data only: objects with data-model keys, string/number/boolean leaves. */
function checkPlain(value: unknown, path: string, depth: number, budget: { nodes: number }): void {
  if (--budget.nodes < 0) throw invalid('The run-time data is too large.');
  if (typeof value === 'string') {
    if (value.length > MAX_STRING) throw invalid(`${path} is longer than ${MAX_STRING} characters.`, { element: path });
    return;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(`${path} is not a data model value.`, { element: path });
  if (depth >= MAX_DEPTH) throw invalid(`${path} is nested too deeply.`, { element: path });
  for (const [key, child] of Object.entries(value)) {
    if (FORBIDDEN_KEYS.has(key) || !SAFE_KEY.test(key)) throw invalid(`${path} has the key "${key.slice(0, 80)}", which is no data model element.`, { element: path });
    checkPlain(child, `${path}.${key}`, depth + 1, budget);
  }
}

function apiFor(kind: ScormKind) {
  // Log level 5 is "none": a refused value is reported by the exception.
  return kind === 'scorm12' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
}

/** Checks and normalizes a SCO's run-time data; a value the data model refuses is a VALIDATION error. */
export function normalizeCmi(kind: ScormKind, raw: Record<string, unknown>): CmiJson {
  const root = raw.cmi;
  if (Object.keys(raw).some((k) => k !== 'cmi') || root === null || typeof root !== 'object' || Array.isArray(root)) {
    throw invalid('The run-time data must be an object with one member, "cmi".');
  }
  checkPlain(root, 'cmi', 0, { nodes: MAX_NODES });
  const api = apiFor(kind);
  try {
    api.loadFromJSON({ cmi: structuredClone(root) as Record<string, unknown> });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw invalid(`The run-time data is not valid: ${message}`, { element: message.split(' : ')[0] });
  }
  return api.renderCMIToJSONObject() as CmiJson;
}

export type ScoSummary = {
  completion: CompletionStatus;
  success: SuccessStatus;
  score: { scaled: number | null; raw: number | null; min: number | null; max: number | null };
  entry: string;
  exit: string;
  location: string;
  /** session_time of the session the data comes from, in seconds (0 when not reported). */
  sessionSeconds: number;
};

const num = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const obj = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/**
 * The score as xAPI can carry it: raw/min/max only when they are consistent
 * (min < max, raw between them), scaled within -1…1.
 */
function score(scaled: number | null, raw: number | null, min: number | null, max: number | null): ScoSummary['score'] {
  const bounds = min !== null && max !== null && min < max && (raw === null || (raw >= min && raw <= max));
  return {
    scaled: scaled !== null && scaled >= -1 && scaled <= 1 ? scaled : null,
    raw,
    min: bounds ? min : null,
    max: bounds ? max : null,
  };
}

// SCORM 1.2 folds completion and success into lesson_status. Like most LMSs
// we read passed and failed as completed too: the learner finished the SCO.
const LESSON_COMPLETION: Record<string, CompletionStatus> = {
  passed: 'completed',
  completed: 'completed',
  failed: 'completed',
  incomplete: 'incomplete',
  browsed: 'incomplete',
  'not attempted': 'not_attempted',
};

export function summarizeCmi(kind: ScormKind, data: CmiJson): ScoSummary {
  const cmi = obj(data.cmi);
  if (kind === 'scorm12') {
    const core = obj(cmi.core);
    const status = str(core.lesson_status);
    const s = obj(core.score);
    const raw = num(s.raw);
    // 1.2 has no scaled score: scale raw over min…max (0…100 when not given).
    const min = num(s.min) ?? 0;
    const max = num(s.max) ?? 100;
    const scaled = raw !== null && max > min ? Math.min(1, Math.max(0, (raw - min) / (max - min))) : null;
    return {
      completion: LESSON_COMPLETION[status] ?? 'unknown',
      success: status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'unknown',
      score: score(scaled, raw, num(s.min), num(s.max)),
      entry: str(core.entry),
      exit: str(core.exit),
      location: str(core.lesson_location),
      sessionSeconds: timespanSeconds(core.session_time) ?? 0,
    };
  }
  const completion = str(cmi.completion_status);
  const success = str(cmi.success_status);
  const s = obj(cmi.score);
  return {
    completion: completion === 'not attempted' ? 'not_attempted' : completion === 'completed' || completion === 'incomplete' ? completion : 'unknown',
    success: success === 'passed' || success === 'failed' ? success : 'unknown',
    score: score(num(s.scaled), num(s.raw), num(s.min), num(s.max)),
    entry: str(cmi.entry),
    exit: str(cmi.exit),
    location: str(cmi.location),
    sessionSeconds: isoDurationSeconds(cmi.session_time) ?? 0,
  };
}
