// Replays an ADL LMS test script against our LMS side (CourseSession) and
// scorm-again, the way ADL's test content and a tester would:
//
// 1. launch the course; the sequencer delivers an activity;
// 2. the delivered activity must be the one the next visit names;
// 3. answer the visit's UI questions from the navigation state the LMS shows;
// 4. make the visit's API calls and check every result and error code;
// 5. the content terminates (some test SCOs only on unload, see SCO_PAGES);
//    if that delivered nothing, do what the tester is told (press Continue,
//    pick an activity in the table of contents, relaunch the course…).
//
// The result lists every deviation; a script passes when there is none and
// every visit was reached.

import type { ScormItem, ScormManifest } from '../../manifest/scorm-manifest.types.js';
import { CourseSession, type StoredCourseState, type UserNavigationRequest } from '../sequencing/course-session.js';
import type { LaunchLearner } from '../sequencing/launch-data.js';
import { offersChoice } from '../sequencing/toc-choice.js';
import type { AdlLearnerRecord } from './adl-learner-record.js';
import { runCalls } from './adl-call-evaluator.js';
import { ROOT_ACTIVITY_TITLE_PREFIX, type AdlScript, type AdlUiCheck, type AdlVisit } from './adl-script.types.js';

export interface AdlRunResult {
  script: string;
  passed: boolean;
  /** Visits whose activity was delivered as expected. */
  visitsReached: number;
  failures: AdlRunFailure[];
}

export interface AdlRunFailure {
  visit: string;
  kind: 'delivery' | 'ui' | 'call' | 'instruction';
  message: string;
}

/**
 * What ADL's test SCO pages do besides running the script's calls, by file
 * name. Most call Terminate("") when the calls are done; a few leave the SCO
 * running and, when the LMS unloads them, set a navigation request and
 * terminate then.
 */
const SCO_PAGES: Record<string, { terminate: 'afterCalls' | 'onUnload'; requestOnUnload?: string }> = {
  'SequencingTestSingleDoTerminate.htm': { terminate: 'onUnload' },
  'tarAct4OnUnload.htm': { terminate: 'onUnload', requestOnUnload: '{target=activity_4}choice' },
  'exitAllOnUnload.htm': { terminate: 'onUnload', requestOnUnload: 'exitAll' },
  'suspendAllOnUnload.htm': { terminate: 'onUnload', requestOnUnload: 'suspendAll' },
};

const TERMINAL_INSTRUCTIONS = new Set(['AutoTest', 'HasEnded', 'TRIGExitAll']);
// "Exit<test>" (CM-09ba) mirrors "Suspend<test>" (CM-09ca): the tester
// leaves with the LMS's control while the SCO runs, and the script goes on
// with the next launch. "ContinueExitCM8" follows a post-condition Exit All
// that ended the course; the next visit is again its first activity.
const RELAUNCH_INSTRUCTION = /^(Relaunch|ReLaunch|exitlaunch|autoendrelaunch|Exit[A-Z]{2}-?\d|ContinueExit[A-Z]{2}\d)/;

/**
 * Runs the script with the learner whose record it starts from (the global
 * objectives earlier packages left), and leaves in that record what this
 * package's last launch keeps.
 */
export function runAdlScript(manifest: ScormManifest, script: AdlScript, record: AdlLearnerRecord): AdlRunResult {
  const run = new AdlScriptRun(manifest, script, record.learner, record.firstLaunchState(manifest));
  const result = run.run();
  record.keep(manifest, run.storedState());
  return result;
}

class AdlScriptRun {
  private session: CourseSession;
  private readonly failures: AdlRunFailure[] = [];
  /** Items by the `act` their content reports; two items may share one (SX-09). */
  private readonly itemsByAct = new Map<string, ScormItem[]>();
  private readonly itemsByTitle = new Map<string, ScormItem>();

  constructor(
    private readonly manifest: ScormManifest,
    private readonly script: AdlScript,
    private readonly learner: LaunchLearner,
    firstLaunch: StoredCourseState | undefined,
  ) {
    this.session = this.launch(firstLaunch);
    indexItems(this.session.organization.items, this.itemsByAct, this.itemsByTitle);
    this.beginAsInstructed();
  }

  run(): AdlRunResult {
    let reached = 0;
    for (const [index, visit] of this.script.visits.entries()) {
      if (!this.deliveredAsExpected(visit)) break;
      reached++;
      try {
        if (!this.playVisit(visit, index === this.script.visits.length - 1)) break;
      } catch (error) {
        // An exception out of the LMS is what a real SCO would see as a crash.
        this.fail(visit, 'call', `the LMS threw: ${error instanceof Error ? error.message : String(error)}`);
        break;
      }
    }
    return {
      script: this.script.name,
      passed: this.failures.length === 0 && reached === this.script.visits.length,
      visitsReached: reached,
      failures: this.failures,
    };
  }

  /** What the LMS keeps of the learner's last launch. */
  storedState(): StoredCourseState {
    return this.session.storedState();
  }

  /** Plays one delivered visit; false when the script cannot go on. */
  private playVisit(visit: AdlVisit, isLast: boolean): boolean {
    this.checkUi(visit);
    const page = SCO_PAGES[fileName(this.session.current!.item.launch?.path ?? '')] ?? { terminate: 'afterCalls' };
    const failures = runCalls(this.session.api, visit.calls, { learnerId: this.learner.id });
    for (const failure of failures) this.fail(visit, 'call', failure.message);
    if (page.terminate === 'afterCalls' && this.scoIsRunning()) this.session.api.Terminate('');
    if (this.session.prepareDelivery()) return true;
    return this.followInstruction(visit, page.requestOnUnload, isLast);
  }

  private launch(stored: StoredCourseState | undefined): CourseSession {
    const session = new CourseSession(this.manifest, { learner: this.learner, ...(stored ? { stored } : {}) });
    session.start();
    return session;
  }

  /**
   * The script's `start` instruction: "." launches the course as it is;
   * otherwise the tester begins by picking that activity (by title) in the
   * table of contents, which only a course without flow needs.
   */
  private beginAsInstructed(): void {
    const title = this.script.info.start;
    if (title === '.' || title === '') return;
    const target = this.itemsByTitle.get(title.trim());
    if (target && this.session.current?.id !== target.identifier) this.session.navigate('choice', target.identifier);
  }

  private deliveredAsExpected(visit: AdlVisit): boolean {
    const candidates = this.itemsByAct.get(visit.activity) ?? [];
    const delivered = this.session.current;
    if (candidates.length === 0) {
      this.fail(visit, 'delivery', `no item launches with act=${visit.activity}`);
      return false;
    }
    const expected = candidates.map((item) => item.identifier).join(' or ');
    if (!delivered || this.session.ended) {
      this.fail(visit, 'delivery', `expected ${expected}, but no activity is delivered`);
      return false;
    }
    if (!candidates.some((item) => item.identifier === delivered.id)) {
      this.fail(visit, 'delivery', `expected ${expected}, the LMS delivered ${delivered.id}`);
      return false;
    }
    return true;
  }

  private checkUi(visit: AdlVisit): void {
    for (const check of visit.uiChecks) {
      const answer = this.answer(check);
      if (answer === null) continue;
      if (answer !== check.expected) {
        this.fail(visit, 'ui', `${describeCheck(check)}: the LMS answers ${answer ? 'yes' : 'no'}`);
      }
    }
  }

  /** The answer the tester would give for this LMS state (null: nothing to check). */
  private answer(check: AdlUiCheck): boolean | null {
    const state = this.session.navigationState();
    switch (check.kind) {
      case 'navigationButton': {
        const enabled = !state.hidden.has(check.button) && state[check.button];
        return check.enabled ? enabled : !enabled;
      }
      case 'tocEnabled':
        // The table of contents is usable only when it offers something
        // other than the running activity (toc-choice.ts, shared with the player).
        return offersChoice(this.session.organization, state.choosable, this.session.current?.id);
      case 'tocSelectable': {
        const id = this.activityIdByTitle(check.activityTitle);
        return id !== null && state.choosable.has(id);
      }
      case 'tocVisible': {
        const id = this.activityIdByTitle(check.activityTitle);
        return id !== null && this.isShownInToc(id);
      }
      case 'navigationControlVisible':
        return !state.hidden.has(check.event);
      case 'prompt':
        return null;
    }
  }

  private isShownInToc(id: string): boolean {
    const item = this.itemsById(id);
    return item !== undefined && item.isVisible && !this.session.isHiddenFromChoice(id);
  }

  private followInstruction(visit: AdlVisit, requestOnUnload: string | undefined, isLast: boolean): boolean {
    const instruction = visit.instruction;
    // After the last visit the script checks nothing more, whatever the tester is told.
    if (isLast) return false;
    if (!instruction || instruction.kind === 'exit' || (instruction.kind === 'special' && TERMINAL_INSTRUCTIONS.has(instruction.code))) {
      this.fail(visit, 'instruction', `the LMS delivered nothing after ${visit.key}`);
      return false;
    }
    if (instruction.kind === 'navigate') return this.userNavigates(visit, instruction.request, undefined, requestOnUnload);
    if (instruction.kind === 'choice') {
      const id = this.activityIdByTitle(instruction.activityTitle);
      if (id === null) {
        this.fail(visit, 'instruction', `no activity is titled "${instruction.activityTitle}"`);
        return false;
      }
      return this.userNavigates(visit, 'choice', id, requestOnUnload);
    }
    // "Root<test>" (SX-04b, whose summary names a Choice request): the tester
    // picks the root activity in the table of contents.
    if (/^Root[A-Z]{2}\d/.test(instruction.code)) {
      return this.userNavigates(visit, 'choice', this.session.organization.identifier, requestOnUnload);
    }
    if (RELAUNCH_INSTRUCTION.test(instruction.code) || instruction.code.startsWith('Suspend')) {
      if (!this.session.ended) {
        this.session.beginLearnerNavigation();
        this.unloadSco(requestOnUnload) || this.session.navigate(instruction.code.startsWith('Suspend') ? 'suspendAll' : 'exitAll');
      }
      this.session = this.launch(this.session.storedState());
      return true;
    }
    this.fail(visit, 'instruction', `the driver does not know what instruction "${instruction.code}" asks the tester to do`);
    return false;
  }

  /**
   * The tester uses a navigation control of the LMS. A SCO still running is
   * unloaded first; the tester's request outranks the SCO's own.
   */
  private userNavigates(visit: AdlVisit, request: UserNavigationRequest, target: string | undefined, requestOnUnload?: string): boolean {
    this.session.beginLearnerNavigation();
    if (this.unloadSco(requestOnUnload)) return true;
    this.session.navigate(request, target);
    if (!this.session.current || this.session.ended) {
      this.fail(visit, 'instruction', `${request}${target ? ` to ${target}` : ''} delivered nothing`);
      return false;
    }
    return true;
  }

  /** Unloads a SCO that terminates on unload; true when that delivered something. */
  private unloadSco(requestOnUnload: string | undefined): boolean {
    if (!this.scoIsRunning()) return false;
    if (requestOnUnload !== undefined) this.session.api.SetValue('adl.nav.request', requestOnUnload);
    this.session.api.Terminate('');
    return this.session.prepareDelivery() !== null;
  }

  private scoIsRunning(): boolean {
    return this.session.api.isInitialized();
  }

  private activityIdByTitle(title: string): string | null {
    if (title.startsWith(ROOT_ACTIVITY_TITLE_PREFIX)) return this.session.organization.identifier;
    return this.itemsByTitle.get(title.trim())?.identifier ?? null;
  }

  private itemsById(id: string): ScormItem | undefined {
    for (const item of this.itemsByTitle.values()) if (item.identifier === id) return item;
    return undefined;
  }

  private fail(visit: AdlVisit, kind: AdlRunFailure['kind'], message: string): void {
    this.failures.push({ visit: visit.key, kind, message });
  }
}

function indexItems(items: ScormItem[], byAct: Map<string, ScormItem[]>, byTitle: Map<string, ScormItem>): void {
  for (const item of items) {
    const act = /[?&]act=([^&#]+)/.exec(item.parameters ?? item.launch?.url ?? '')?.[1];
    if (act) byAct.set(act, [...(byAct.get(act) ?? []), item]);
    byTitle.set(item.title.trim(), item);
    indexItems(item.children, byAct, byTitle);
  }
}

function fileName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function describeCheck(check: AdlUiCheck): string {
  switch (check.kind) {
    case 'navigationButton':
      return `${check.button} ${check.enabled ? 'enabled' : 'disabled'}? expected ${check.expected ? 'yes' : 'no'}`;
    case 'tocEnabled':
      return `table of contents enabled? expected ${check.expected ? 'yes' : 'no'}`;
    case 'tocSelectable':
      return `"${check.activityTitle}" selectable in the table of contents? expected ${check.expected ? 'yes' : 'no'}`;
    case 'tocVisible':
      return `"${check.activityTitle}" shown in the table of contents? expected ${check.expected ? 'yes' : 'no'}`;
    case 'navigationControlVisible':
      return `control for ${check.event} shown? expected ${check.expected ? 'yes' : 'no'}`;
    case 'prompt':
      return 'prompt';
  }
}
