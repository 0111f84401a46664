import { z } from 'zod';
import { MOVE_ON_CRITERIA } from './cmi5.js';

// A learner starting a catalogue item that runs elsewhere: for a cmi5 item,
// the learner's own view of the course (each AU's state in their latest
// registration) and a launch of one AU as themselves. The cmi5 LMS does the
// work (modules/cmi5); these routes only decide who the learner is.

export const LAUNCH_METHODS = ['AnyWindow', 'OwnWindow'] as const;

export const learnerCmi5Au = z.object({
  /** Position in the course structure (0 based), what a launch names. */
  index: z.number().int(),
  /** The AU id from cmi5.xml. */
  id: z.string(),
  /** In the caller's language when the course has it, else the first the course gives. */
  title: z.string(),
  moveOn: z.enum(MOVE_ON_CRITERIA),
  launchMethod: z.enum(LAUNCH_METHODS),
  completed: z.boolean(),
  passed: z.boolean(),
  failed: z.boolean(),
  waived: z.boolean(),
  /** The AU met its moveOn criteria (or was waived). */
  satisfied: z.boolean(),
});
export type LearnerCmi5Au = z.infer<typeof learnerCmi5Au>;

export const learnerCmi5View = z.object({
  itemId: z.uuid(),
  /** The course title from cmi5.xml, in the caller's language when it has it. */
  title: z.string(),
  /** The course met its moveOn criteria in the learner's latest registration. */
  satisfied: z.boolean(),
  /** Whether the learner has launched the course before (the view shows that registration). */
  started: z.boolean(),
  /** What "Start next" launches: the first AU not yet satisfied, else the first. */
  nextAuIndex: z.number().int(),
  aus: z.array(learnerCmi5Au),
});
export type LearnerCmi5View = z.infer<typeof learnerCmi5View>;

export const learnerCmi5LaunchBody = z
  .object({
    /** The AU to launch; without it, the first AU not yet satisfied (else the first). */
    auIndex: z.number().int().min(0).optional(),
  })
  .strict();
export type LearnerCmi5LaunchBody = z.infer<typeof learnerCmi5LaunchBody>;

export const learnerCmi5Launch = z.object({
  /** Open this: the AU with its launch parameters (its fetch URL hands out the session's token once). */
  url: z.string(),
  /** OwnWindow: open it in this window (the AU sends the learner back); AnyWindow: a new tab is fine. */
  launchMethod: z.enum(LAUNCH_METHODS),
  auIndex: z.number().int(),
  sessionId: z.uuid(),
});
export type LearnerCmi5Launch = z.infer<typeof learnerCmi5Launch>;

/** The 409 reasons of these routes (details.reason). */
export const LAUNCH_CONFLICTS = ['NOT_CMI5'] as const;
export type LaunchConflict = (typeof LAUNCH_CONFLICTS)[number];
