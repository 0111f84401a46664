import { sql, type RawBuilder } from 'kysely';
import { PUBLISHED } from './plan.js';

// An employee's learning history as formulas of (employee number n,
// municipality index idx, slot s = 1..itemsPerEmployee): which item the slot
// is, when it was started and how it ended. scenario.ts writes
// learning_progress from them and statements.ts the xAPI statements of the
// same attempts, so the two agree without a 6-million-row lookup table.
// All arguments are SQL expressions.

/** A fixed 63-bit hash of the slot: every other value of the slot is drawn from its digits. */
export const slotHash = (n: string, idx: string, s: string) => `abs(hashint8((${n}::int8 * 64 + ${s}) * 1024 + ${idx}))`;

/**
 * Slots 1 and 2 are items 1 and 2 (assigned to everyone); slots 3.. are
 * distinct items among 3..PUBLISHED, from an offset per employee (7 is prime
 * to PUBLISHED - 2, so 13 steps never repeat an item).
 */
export function slotItemNo(n: string, idx: string, s: string): RawBuilder<number> {
  const span = PUBLISHED - 2;
  return sql.raw(`(case when ${s} <= 2 then ${s} else 3 + ((abs(hashint8(${n}::int8 * 31 + ${idx})) % ${span}) + ${s} * 7) % ${span} end)`);
}

/** Started 1..HISTORY_DAYS-1 days before `anchor`, at a time of day from the hash. */
export const slotStartedAt = (anchor: string, x: string) => `(${anchor} - (1 + ${x} % 729) * interval '1 day' - ((${x} / 7) % 600) * interval '1 minute')`;

/**
 * The slot's state: 64 % done (passed for items with a test, 80 % of the
 * time, else completed), 18 % in progress, the rest failed where there is a
 * test and in progress elsewhere.
 */
export const slotStatus = (x: string, kind: string) => `(case
  when (${x} / 1000) % 100 < 64 then case when ${kind} in ('course', 'scorm', 'cmi5') and (${x} / 100000) % 100 < 80 then 'passed' else 'completed' end
  when (${x} / 1000) % 100 < 82 or ${kind} not in ('course', 'scorm', 'cmi5') then 'in_progress'
  else 'failed' end)`;

/** Done within two weeks of starting, never after `anchor`. */
export const slotCompletedAt = (anchor: string, started: string, x: string) =>
  `least(${started} + ((${x} / 10000000) % 14) * interval '1 day' + interval '37 minutes', ${anchor} - interval '1 hour')`;

/** Scaled score of a passed (0.80–0.99) or failed (0.30–0.69) attempt. */
export const slotScore = (x: string, status: string) =>
  `(case when ${status} = 'passed' then 0.8 + ((${x} / 1000000000) % 20) / 100.0 when ${status} = 'failed' then 0.3 + ((${x} / 1000000000) % 40) / 100.0 end)::real`;
