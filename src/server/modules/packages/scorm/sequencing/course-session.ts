// One learner's launch of a sequenced SCORM 2004 course: the LMS side that
// scorm-again leaves to its host.
//
// scorm-again runs the sequencer and the SCO's API (one Scorm2004API per
// launch). The LMS must still: start or resume the session, give each
// delivered SCO a fresh run-time data model with its launch data (or the data
// it suspended with), offer navigation controls that match the sequencer's
// validity, and keep what outlives a launch (suspended state, global
// objectives, shared data) for the next one. This class does exactly that and
// nothing else, so the browser player and the ADL test driver share it.
//
// Lifecycle of a SCO: the session delivers an activity (`current`); the
// content calls Initialize…Terminate on `api`; when Terminate (or a user
// navigation event) leads to a new delivery, the host calls
// `prepareDelivery()` before loading the next SCO.

import { Scorm2004API } from 'scorm-again';
import type { ScormItem, ScormManifest, ScormOrganization } from '../../manifest/scorm-manifest.types.js';
import { buildSequencingSettings, defaultOrganization, type SequencingSettings } from './activity-tree.js';
import { applyLaunchData, launchData, type LaunchLearner } from './launch-data.js';
import { installScormAgainFixes } from './scorm-again-fixes/index.js';

// scorm-again's sequencer, corrected where it deviates from the SN book.
// Installed when this module loads, so a wrong scorm-again version fails at
// startup rather than mid-course.
installScormAgainFixes();

export type UserNavigationRequest =
  | 'start'
  | 'resumeAll'
  | 'continue'
  | 'previous'
  | 'choice'
  | 'jump'
  | 'exit'
  | 'exitAll'
  | 'abandon'
  | 'abandonAll'
  | 'suspendAll';

/** What an LMS keeps for one learner and course between launches. */
export interface StoredCourseState {
  /** scorm-again's serialized sequencing state: the whole tree when suspended, else only global data. */
  sequencing?: string;
  /** True when the last launch ended with Suspend All: the next one resumes. */
  suspended: boolean;
  /** Run-time data of SCOs that exited with cmi.exit = suspend, by activity id. */
  suspendedRuntimeData: Record<string, Record<string, unknown>>;
}

export interface DeliveredActivity {
  id: string;
  title: string;
  item: ScormItem;
}

export interface NavigationState {
  continue: boolean;
  previous: boolean;
  /** Activity ids the table of contents may offer for choice. */
  choosable: ReadonlySet<string>;
  /** Navigation controls the content asked the LMS to hide (adlnav:hideLMSUI). */
  hidden: ReadonlySet<string>;
}

export interface CourseSessionOptions {
  learner: LaunchLearner;
  /** The state the previous launch left; a first launch passes none. */
  stored?: StoredCourseState;
}

export class CourseSession {
  readonly api: Scorm2004API;
  readonly organization: ScormOrganization;
  private readonly items = new Map<string, ScormItem>();
  private readonly learner: LaunchLearner;
  private readonly stored: StoredCourseState;
  private delivered: DeliveredActivity | null = null;
  private pendingDelivery: string | null = null;
  private sessionEnded = false;
  private lastValidity: { continue: boolean; previous: boolean; choice: Record<string, string>; hideLmsUi: string[] } | null =
    null;

  constructor(manifest: ScormManifest, options: CourseSessionOptions) {
    this.organization = defaultOrganization(manifest);
    collectItems(this.organization.items, this.items);
    this.learner = options.learner;
    this.stored = options.stored ?? { suspended: false, suspendedRuntimeData: {} };
    const sequencing: SequencingSettings = {
      ...buildSequencingSettings(this.organization),
      logLevel: 'error',
      eventListeners: {
        onActivityDelivery: (activity) => {
          this.pendingDelivery = activity.id;
        },
        onNavigationValidityUpdate: (validity) => {
          this.lastValidity = validity;
        },
        onSequencingSessionEnd: () => {
          this.sessionEnded = true;
        },
      },
    };
    this.api = new Scorm2004API({ logLevel: 5, sequencing });
    // The request the content leaves for its Terminate: a Suspend All suspends
    // the SCO's run-time data along with the course.
    this.api.on('SetValue.adl.nav.request', (_element: string, value: string) => {
      if (this.learnerNavigating) this.dropContentRequest();
      else this.contentRequest = value;
    });
    if (this.stored.sequencing) this.restore(this.stored.sequencing);
  }

  /** Starts the sequencing session (resuming a suspended one) and delivers the first SCO. */
  start(): DeliveredActivity | null {
    const request = this.stored.suspended ? 'resumeAll' : 'start';
    this.navigate(request);
    if (!this.delivered && !this.sessionEnded) this.launchTheOnlyActivity();
    return this.delivered;
  }

  /**
   * A Start request fails when the root's flow is disabled (the default); the
   * learner must then pick an activity. When the course has exactly one
   * activity to pick, the LMS picks it for the learner (ADL CM-11, SX-08a
   * expect it delivered at launch with no table of contents to use).
   */
  private launchTheOnlyActivity(): void {
    const leaves = [...this.items.values()].filter((item) => item.children.length === 0);
    const [only] = leaves;
    if (leaves.length === 1 && only) this.navigate('choice', only.identifier);
  }

  /** The activity whose SCO is (or is about to be) loaded. */
  get current(): DeliveredActivity | null {
    return this.delivered;
  }

  /** The sequencing session has ended (exit all, suspend all, end of course…). */
  get ended(): boolean {
    return this.sessionEnded;
  }

  /**
   * A navigation event the learner triggered in the LMS's UI. Returns whether
   * the sequencer accepted it; a new delivery is prepared before returning.
   */
  navigate(request: UserNavigationRequest, targetActivityId?: string): boolean {
    this.learnerNavigating = false;
    this.captureSuspendOnLeave(request);
    const accepted = this.api.processNavigationRequest(request, targetActivityId);
    this.prepareDelivery();
    return accepted;
  }

  /**
   * The learner used a navigation control of the LMS while the SCO still
   * runs. Call before unloading the SCO, then `navigate()` unless its
   * Terminate on unload delivered something already (a post-condition rule).
   * The learner's request takes precedence: a navigation request the SCO left
   * pending, or sets while it unloads, is discarded, and its Terminate only
   * ends the attempt (ADL CM-09aa…cb).
   */
  beginLearnerNavigation(): void {
    this.learnerNavigating = true;
    this.dropContentRequest();
  }

  private learnerNavigating = false;

  private dropContentRequest(): void {
    this.api.adl.nav.request = '_none_';
    this.contentRequest = '';
  }

  /**
   * Call after the content's Terminate (and after every navigation): when the
   * sequencer delivered a new activity, give it a fresh run-time data model.
   * Returns the newly delivered activity, or null when nothing was delivered.
   */
  prepareDelivery(): DeliveredActivity | null {
    if (this.pendingDelivery === null) return null;
    const id = this.pendingDelivery;
    this.pendingDelivery = null;
    // A new SCO's navigation requests are its own again (see beginLearnerNavigation).
    this.learnerNavigating = false;
    this.rememberSuspendedRuntimeData();
    const item = this.items.get(id);
    if (!item) throw new Error(`The sequencer delivered "${id}", which is not a launchable item`);
    // Keep listeners: scorm-again's plain reset() drops them, and the LMS listens for adl.nav.request.
    this.api.reset(undefined, { preserveListeners: true });
    const suspended = this.stored.suspendedRuntimeData[id];
    if (suspended) {
      this.api.loadFromJSON(structuredClone(suspended));
      delete this.stored.suspendedRuntimeData[id];
    }
    applyLaunchData(this.api.cmi, launchData(item, this.learner, suspended ? 'resume' : 'ab-initio'));
    this.delivered = { id, title: item.title.trim(), item };
    return this.delivered;
  }

  /** Which navigation controls the LMS offers right now. */
  navigationState(): NavigationState {
    const validity = this.lastValidity;
    const choosable = new Set<string>();
    for (const [id, valid] of Object.entries(validity?.choice ?? {})) {
      if (valid === 'true' && this.choiceWouldSucceed(id)) choosable.add(id);
    }
    return {
      continue: validity?.continue ?? false,
      previous: validity?.previous ?? false,
      choosable,
      hidden: new Set(validity?.hideLmsUi ?? []),
    };
  }

  /**
   * The Choice Sequencing Request Process (SB.2.9) would accept the target.
   * scorm-again's validity update answers only the Navigation Request
   * Process (NB.2.1: the target exists, its parent allows choice, no
   * cluster forbids Choice Exit); whether the target can be reached from the
   * current activity (Constrain Choice, Prevent Activation, Stop Forward
   * Traversal, Forward Only) is its look-ahead's answer, the same one
   * adl.nav.request_valid.choice gives the content.
   */
  private choiceWouldSucceed(activityId: string): boolean {
    const process = (this.api as unknown as SequencingApi).getSequencingService()?.getOverallSequencingProcess();
    return process?.predictChoiceEnabled(activityId) ?? true;
  }

  /**
   * The table of contents does not show the activity: it or an ancestor is
   * hidden from choice, by selection (not among the children selected for
   * this attempt) or by a Hidden from Choice precondition rule that holds now
   * (UP.2, evaluated when asked, as ADL's reference LMS builds its table of
   * contents; a hidden cluster hides what it holds).
   */
  isHiddenFromChoice(activityId: string): boolean {
    const find = (activity: TreeActivity | null | undefined): TreeActivity | undefined => {
      if (!activity) return undefined;
      if (activity.id === activityId) return activity;
      for (const child of activity.children) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    for (let activity = find(this.api.getSequencingState().rootActivity); activity; activity = activity.parent ?? undefined) {
      if (activity.isHiddenFromChoice) return true;
      const rules = activity.sequencingRules?.preConditionRules ?? [];
      if (rules.some((rule) => rule.action === 'hiddenFromChoice' && rule.evaluate(activity) === true)) return true;
    }
    return false;
  }

  /** What the LMS stores when this launch ends, for the next launch. */
  storedState(): StoredCourseState {
    this.rememberSuspendedRuntimeData();
    const suspended = this.isSuspended();
    return {
      // The whole tree, also when the launch ended without Suspend All: the
      // tracking status of every activity belongs to the learner's attempt on
      // the course, not to one sequencing session (SN 4th ed. 4.2), so the
      // next Start evaluates its rules against it (ADL RU-13e, RU-14a: a
      // relaunch after Exit All skips the activities satisfied before). What
      // a new attempt on the course inherits is the player's business
      // (src/server/modules/player/sequencing-state.ts keeps only globals).
      sequencing: this.api.serializeSequencingState(),
      suspended,
      suspendedRuntimeData: suspended ? { ...this.stored.suspendedRuntimeData } : {},
    };
  }

  private isSuspended(): boolean {
    const root = this.api.getSequencingState().rootActivity;
    return root?.isSuspended === true || hasSuspendedDescendant(root);
  }

  private restore(serialized: string): void {
    if (!this.api.deserializeSequencingState(serialized)) {
      throw new Error('The stored sequencing state could not be restored');
    }
  }

  // A SCO that leaves with cmi.exit = suspend, or whose course is suspended
  // with Suspend All, resumes with its run-time data on the next delivery.
  private suspendOnLeave = false;
  private contentRequest = '';

  private captureSuspendOnLeave(request: UserNavigationRequest): void {
    if (request === 'suspendAll') this.suspendOnLeave = true;
  }

  private rememberSuspendedRuntimeData(): void {
    const leaving = this.delivered;
    if (!leaving || this.remembered === leaving) return;
    if (this.api.cmi.getExitValueInternal() === 'suspend' || this.suspendOnLeave || this.contentRequest === 'suspendAll') {
      this.stored.suspendedRuntimeData[leaving.id] = this.api.renderCMIToJSONObject() as Record<string, unknown>;
      this.remembered = leaving;
    }
    this.suspendOnLeave = false;
    this.contentRequest = '';
  }

  private remembered: DeliveredActivity | null = null;
}

function collectItems(items: ScormItem[], into: Map<string, ScormItem>): void {
  for (const item of items) {
    into.set(item.identifier, item);
    collectItems(item.children, into);
  }
}

/** The parts of scorm-again's API this class reads beyond its typed surface. */
interface SequencingApi {
  getSequencingService(): { getOverallSequencingProcess(): { predictChoiceEnabled(activityId: string): boolean } | null } | null;
}

/** The parts of scorm-again's Activity this class reads. */
interface TreeActivity {
  id: string;
  parent: TreeActivity | null;
  isSuspended: boolean;
  isHiddenFromChoice: boolean;
  children: TreeActivity[];
  sequencingRules?: { preConditionRules: { action: string; evaluate(activity: TreeActivity): boolean }[] };
}

function hasSuspendedDescendant(activity: TreeActivity | null | undefined): boolean {
  if (!activity) return false;
  return activity.children.some((child) => child.isSuspended || hasSuspendedDescendant(child));
}
