import type { PlayerItem, PlayerNavRequest, PlayerState, PlayerTocEntry, SessionResponse } from '../../shared/api/player';
import type { ScormItem, ScormManifest } from '../../server/modules/packages/manifest/scorm-manifest.types';
import { CourseSession, type DeliveredActivity } from '../../server/modules/packages/scorm/sequencing/course-session';
import { leadsOnlyToCurrent } from '../../server/modules/packages/scorm/sequencing/toc-choice';
import { courseReport } from './course-report';
import type { Messenger } from './messages';
import type { RuntimeClient } from './runtime-client';
import type { ScoFrame } from './sco-frame';
import { text } from './strings';

// SCORM 2004 with sequencing: the shared CourseSession (the same code the
// ADL test suite runs against) decides what is delivered. The SCO gets
// window.API_1484_11, a thin wrapper over the session's scorm-again API that
// also tells the server: the SCO's data on Initialize, Commit and Terminate,
// and the course state after every Terminate and navigation. The app's
// controls arrive as messages; leaving (Exit, or closing the page) suspends
// the course, so the next launch resumes where the learner was.

type Api2004 = {
  Initialize(parameter: string): string;
  Terminate(parameter: string): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: string): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
};

declare global {
  interface Window {
    API_1484_11?: Api2004;
  }
}

export class Scorm2004Host {
  private readonly course: CourseSession;
  private readonly items: Map<string, PlayerItem>;
  private loaded: DeliveredActivity | null = null;
  private scoActive = false;
  private contentNavRequest = '';
  private navigating = false;
  private leaving = false;

  constructor(
    private readonly session: SessionResponse,
    private readonly client: RuntimeClient,
    private readonly frame: ScoFrame,
    private readonly messages: Messenger,
  ) {
    this.items = new Map(session.items.map((i) => [i.identifier, i]));
    this.course = new CourseSession(session.manifest as ScormManifest, { learner: session.learner, ...(session.courseState ? { stored: session.courseState } : {}) });
    window.API_1484_11 = this.apiForSco();
  }

  start(): void {
    this.course.start();
    const target = this.session.startAt;
    if (target && this.course.current?.id !== target && this.course.navigationState().choosable.has(target)) this.course.navigate('choice', target);
    // No course report yet: until the first SCO session ends, the server keeps the state this launch began
    // with (a suspended course stays resumable if this window never gets further).
    this.show();
  }

  private get api() {
    return this.course.api;
  }

  private render(): Record<string, unknown> {
    return this.api.renderCMIToJSONObject() as Record<string, unknown>;
  }

  private apiForSco(): Api2004 {
    return {
      Initialize: (parameter) => {
        const result = this.api.Initialize(parameter);
        const current = this.course.current;
        if (result === 'true' && current) {
          this.scoActive = true;
          this.contentNavRequest = '';
          this.client.enqueue({ item: current.id, events: ['initialize'], cmi: this.render() });
        }
        return result;
      },
      Terminate: (parameter) => this.terminate(parameter),
      GetValue: (element) => this.api.GetValue(element),
      SetValue: (element, value) => {
        const result = this.api.SetValue(element, value);
        if (element === 'adl.nav.request' && result === 'true') this.contentNavRequest = String(value);
        return result;
      },
      Commit: (parameter) => {
        const result = this.api.Commit(parameter);
        const current = this.course.current;
        if (result === 'true' && current) this.client.enqueue({ item: current.id, cmi: this.render() });
        return result;
      },
      GetLastError: () => this.api.GetLastError(),
      GetErrorString: (code) => this.api.GetErrorString(code),
      GetDiagnostic: (code) => this.api.GetDiagnostic(code),
    };
  }

  private terminate(parameter: string): string {
    const current = this.course.current;
    // The data as the SCO left it: scorm-again folds session_time into total_time after its Terminate listeners.
    let snapshot: Record<string, unknown> | null = null;
    this.api.on('Terminate', () => (snapshot = this.render()));
    const result = this.api.Terminate(parameter);
    if (result !== 'true' || !current || !snapshot) return result;
    this.scoActive = false;
    const byContent = this.contentNavRequest === 'suspendAll' ? { item: current.id, cmi: snapshot } : undefined;
    // The sequencer may have delivered the next activity (the SCO's own navigation request, or flow).
    this.course.prepareDelivery();
    this.client.enqueue({ item: current.id, events: ['terminate'], cmi: snapshot, course: courseReport(this.course, byContent) });
    if (!this.navigating && !this.leaving) setTimeout(() => this.show(), 0);
    return result;
  }

  async navigate(request: PlayerNavRequest, target?: string): Promise<void> {
    if (this.navigating) return;
    const valid = this.course.navigationState();
    if (request === 'continue' && !valid.continue) return;
    if (request === 'previous' && !valid.previous) return;
    if (request === 'choice' && (target === undefined || !valid.choosable.has(target))) return;
    this.navigating = true;
    try {
      const before = this.course.current;
      // The learner's request wins over one the SCO left pending or sets while unloading (ADL CM-09).
      this.course.beginLearnerNavigation();
      await this.frame.unload();
      // The SCO's Terminate still ends its attempt, and a post-condition rule may deliver something: then that stands.
      const contentMoved = this.course.ended || this.course.current !== before;
      if (request === 'exit' ? !this.course.ended : !contentMoved) this.leaveActivity(request === 'exit' ? 'suspendAll' : request, target);
    } finally {
      this.navigating = false;
    }
    if (request === 'exit') {
      await this.client.flush();
      this.frame.show(text('ended'));
      this.publish();
      this.messages.post({ type: 'exited' });
      return;
    }
    this.show();
  }

  /** Runs a navigation request; a SCO still running keeps its data (the sequencer ends or suspends its attempt). */
  private leaveActivity(request: 'continue' | 'previous' | 'choice' | 'suspendAll', target?: string): void {
    const current = this.course.current;
    if (this.scoActive && current) this.client.enqueue({ item: current.id, cmi: this.render() });
    this.course.navigate(request, target);
    this.scoActive = false;
    this.client.enqueue({ course: courseReport(this.course) });
  }

  /** pagehide: unload the SCO now, suspend the course, and send what is left with the beacon. */
  leaveNow(): void {
    this.leaving = true;
    this.frame.removeNow();
    if (!this.course.ended) this.leaveActivity('suspendAll');
    this.client.sendOnUnload();
  }

  /** Loads a newly delivered activity, or says why nothing is shown. */
  private show(): void {
    const current = this.course.current;
    if (this.course.ended) {
      this.loaded = null;
      this.frame.show(text('ended'));
    } else if (current && current !== this.loaded) {
      this.loaded = current;
      const item = this.items.get(current.id);
      this.frame.load(this.session.contentBaseUrl + (item?.launchUrl ?? current.item.launch?.url ?? ''), current.title);
    } else if (!current || !this.scoActive) {
      if (!this.frame.loaded) this.frame.show(text('waiting'));
    }
    this.publish();
  }

  state(): PlayerState {
    const valid = this.course.navigationState();
    const current = this.course.current;
    const toc: PlayerTocEntry[] = [];
    const walk = (items: ScormItem[], depth: number) => {
      for (const item of items) {
        if (!item.isVisible || this.course.isHiddenFromChoice(item.identifier)) continue;
        toc.push({
          id: item.identifier,
          title: item.title.trim(),
          depth,
          // Not an entry that would only deliver the running SCO again (toc-choice.ts).
          choosable:
            valid.choosable.has(item.identifier) &&
            !leadsOnlyToCurrent(this.course.organization, item.identifier, current?.id),
          current: item.identifier === current?.id,
          completed: this.api.getActivityTrackingData(item.identifier)?.completionStatus === 'completed',
        });
        walk(item.children, depth + 1);
      }
    };
    walk(this.course.organization.items, 0);
    return {
      current: current && !this.course.ended ? { id: current.id, title: current.title } : null,
      canContinue: valid.continue && !valid.hidden.has('continue') && !this.course.ended,
      canPrevious: valid.previous && !valid.hidden.has('previous') && !this.course.ended,
      toc,
      ended: this.course.ended,
    };
  }

  private publish(): void {
    this.messages.post({ type: 'state', state: this.state() });
  }
}
