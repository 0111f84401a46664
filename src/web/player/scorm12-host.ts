import { Scorm12API } from 'scorm-again';
import type { PlayerItem, PlayerNavRequest, PlayerState, SessionResponse } from '../../shared/api/player';
import type { Messenger } from './messages';
import type { RuntimeClient } from './runtime-client';
import type { ScoFrame } from './sco-frame';
import { text } from './strings';

// SCORM 1.2 has no sequencing: the learner moves between the course's items
// in manifest order or picks one from the contents. Each SCO delivery gets a
// fresh scorm-again API loaded with the launch data the server hands out
// (re-read per delivery, so a SCO visited twice in one launch resumes too);
// LMSInitialize, LMSCommit and LMSFinish go to the server as commits.

declare global {
  interface Window {
    API?: Scorm12API;
  }
}

export class Scorm12Host {
  private items: PlayerItem[];
  private index = -1;
  private api: Scorm12API | null = null;
  private finished = false;
  private completed = new Set<string>();

  constructor(
    private session: SessionResponse,
    private readonly client: RuntimeClient,
    private readonly frame: ScoFrame,
    private readonly messages: Messenger,
  ) {
    this.items = session.items;
  }

  start(): void {
    const first = this.items.findIndex((i) => i.identifier === this.session.startAt);
    this.deliver(first >= 0 ? first : 0);
  }

  private deliver(index: number): void {
    const item = this.items[index];
    if (!item) return;
    this.index = index;
    this.finished = false;
    const api = new Scorm12API({ logLevel: 4, autocommit: false, lmsCommitUrl: false });
    if (item.cmi) api.loadFromJSON(structuredClone(item.cmi));
    const snapshot = () => api.renderCMIToJSONObject() as Record<string, unknown>;
    api.on('LMSInitialize', () => this.client.enqueue({ item: item.identifier, events: ['initialize'], cmi: snapshot() }));
    api.on('LMSCommit', () => this.client.enqueue({ item: item.identifier, cmi: snapshot() }));
    api.on('LMSFinish', () => {
      this.finished = true;
      const cmi = snapshot();
      if (['completed', 'passed', 'failed'].includes(String(api.cmi.core.lesson_status))) this.completed.add(item.identifier);
      this.client.enqueue({ item: item.identifier, events: ['terminate'], cmi });
      this.publish();
    });
    this.api = api;
    window.API = api;
    this.frame.load(this.session.contentBaseUrl + item.launchUrl, item.title);
    this.publish();
  }

  private scoRunning(): boolean {
    return this.api !== null && this.api.isInitialized() && !this.finished;
  }

  /** Unloads the SCO; a SCO that did not finish itself leaves its latest data with the server. */
  private async leaveSco(): Promise<void> {
    await this.frame.unload();
    if (this.scoRunning()) this.client.enqueue({ item: this.items[this.index]!.identifier, cmi: this.api!.renderCMIToJSONObject() as Record<string, unknown> });
    this.api = null;
    delete window.API;
  }

  async navigate(request: PlayerNavRequest, target?: string): Promise<void> {
    const state = this.state();
    let next = -1;
    if (request === 'continue' && state.canContinue) next = this.index + 1;
    else if (request === 'previous' && state.canPrevious) next = this.index - 1;
    else if (request === 'choice' && target !== undefined) next = this.items.findIndex((i) => i.identifier === target);
    if (request !== 'exit' && next < 0) return;
    await this.leaveSco();
    if (request === 'exit') {
      await this.client.flush();
      this.frame.show(text('ended'));
      this.messages.post({ type: 'exited' });
      return;
    }
    // Fresh launch data: the SCO may have been here before in this launch.
    this.session = await this.client.reloadSession();
    this.items = this.session.items;
    this.deliver(next);
  }

  /** pagehide: the SCO gets its unload now; everything left goes with the beacon. */
  leaveNow(): void {
    this.frame.removeNow();
    if (this.scoRunning()) this.client.enqueue({ item: this.items[this.index]!.identifier, cmi: this.api!.renderCMIToJSONObject() as Record<string, unknown> });
    this.client.sendOnUnload();
  }

  state(): PlayerState {
    const current = this.items[this.index];
    return {
      current: current ? { id: current.identifier, title: current.title } : null,
      canContinue: this.index >= 0 && this.index < this.items.length - 1,
      canPrevious: this.index > 0,
      toc: this.items.map((i) => ({
        id: i.identifier,
        title: i.title,
        depth: 0,
        choosable: true,
        current: i.identifier === current?.identifier,
        completed: this.completed.has(i.identifier) || isCompleted(i),
      })),
      ended: false,
    };
  }

  private publish(): void {
    this.messages.post({ type: 'state', state: this.state() });
  }
}

function isCompleted(item: PlayerItem): boolean {
  const status = (item.cmi as { cmi?: { core?: { lesson_status?: string } } } | null)?.cmi?.core?.lesson_status;
  return status === 'completed' || status === 'passed' || status === 'failed';
}
