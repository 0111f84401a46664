import type { Commit, CommitResponse, SaveStatus, SessionResponse } from '../../shared/api/player';

// The player's line to the server: a queue of commits sent in order, one
// request at a time, retried with back-off while the network is down, so a
// flaky connection loses nothing. Each commit carries the SCO's whole
// run-time data, so commits of one SCO session that have not left yet fold
// into one. When the page goes away the rest leaves with sendBeacon. Every
// answer renews the launch token; a heartbeat renews it while the learner
// reads without committing.

const API = '/content/player/api/';
const HEARTBEAT_MS = 5 * 60_000;
const MAX_BACKOFF_MS = 30_000;
const MAX_BATCH = 50;

export type NewCommit = Omit<Commit, 'seq' | 'events'> & { events?: Commit['events'] };

type Failure = { kind: 'retry' } | { kind: 'drop' } | { kind: 'stop'; status: SaveStatus };

export class RuntimeClient {
  private token: string;
  private seq: number;
  private readonly queue: Commit[] = [];
  private inFlight: Commit[] = [];
  private sending: Promise<void> | null = null;
  private backoff = 1000;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped: SaveStatus | null = null;
  private heartbeat: ReturnType<typeof setInterval>;

  constructor(
    session: Pick<SessionResponse, 'token' | 'lastSeq'>,
    private readonly onStatus: (status: SaveStatus, pending: number) => void,
  ) {
    this.token = session.token;
    this.seq = session.lastSeq;
    this.heartbeat = setInterval(() => {
      if (this.queue.length === 0 && !this.sending) void this.flush(true);
    }, HEARTBEAT_MS);
  }

  get pending(): number {
    return this.queue.length + this.inFlight.length;
  }

  enqueue(commit: NewCommit): void {
    if (this.stopped) return;
    const next: Commit = { ...commit, events: commit.events ?? [], seq: ++this.seq };
    const last = this.queue[this.queue.length - 1];
    if (last && canFold(last, next)) this.queue[this.queue.length - 1] = fold(last, next);
    else this.queue.push(next);
    void this.flush();
  }

  /**
   * Sends everything queued, one batch at a time. Resolves when the queue is
   * empty, or when a batch failed (a retry is then scheduled) or sending stopped.
   */
  async flush(renewOnly = false): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      if (this.sending) {
        await this.sending;
        continue;
      }
      if (this.queue.length === 0 && !renewOnly) return;
      renewOnly = false;
      clearTimeout(this.retryTimer);
      const batch = this.sendBatch();
      this.sending = batch.then(() => undefined);
      const sent = await batch;
      this.sending = null;
      if (!sent) return;
    }
  }

  /** One request; true when the server took the batch. */
  private async sendBatch(): Promise<boolean> {
    this.inFlight = this.queue.splice(0, MAX_BATCH);
    this.onStatus('saving', this.pending);
    const failure = await this.post(this.inFlight);
    if (failure === null) {
      this.inFlight = [];
      this.backoff = 1000;
      this.onStatus(this.queue.length ? 'saving' : 'saved', this.pending);
      return true;
    }
    if (failure.kind === 'drop') {
      // The server refused this data; sending it again would not help, and later commits should still go.
      this.inFlight = [];
      this.onStatus('failed', this.pending);
      return this.queue.length > 0;
    }
    if (failure.kind === 'stop') {
      this.stopped = failure.status;
      clearInterval(this.heartbeat);
      this.onStatus(failure.status, this.pending);
      return false;
    }
    // Put the batch back in front and try again later.
    this.queue.unshift(...this.inFlight);
    this.inFlight = [];
    this.onStatus('retrying', this.pending);
    this.retryTimer = setTimeout(() => void this.flush(), this.backoff);
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    return false;
  }

  private async post(commits: Commit[]): Promise<Failure | null> {
    let res: Response;
    try {
      res = await fetch(`${API}commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: this.token, commits }) });
    } catch {
      return { kind: 'retry' };
    }
    if (res.ok) {
      const body = (await res.json()) as CommitResponse;
      this.token = body.token;
      return null;
    }
    const reason = await res
      .json()
      .then((b: { error?: { details?: { reason?: string } } }) => b.error?.details?.reason)
      .catch(() => undefined);
    if (res.status === 401) return { kind: 'stop', status: 'expired' };
    if (reason === 'LAUNCH_SUPERSEDED') return { kind: 'stop', status: 'superseded' };
    if (res.status === 404) return { kind: 'stop', status: 'failed' };
    // Refused data would be refused again; anything else is worth another try.
    if (res.status === 400) return { kind: 'drop' };
    return { kind: 'retry' };
  }

  /** The page is going away: hand whatever is left to the browser to deliver. */
  sendOnUnload(): void {
    clearInterval(this.heartbeat);
    clearTimeout(this.retryTimer);
    const commits = [...this.inFlight, ...this.queue];
    if (commits.length === 0 || this.stopped) return;
    const body = JSON.stringify({ token: this.token, commits: commits.slice(0, MAX_BATCH) });
    // A text/plain beacon is a simple request; the server reads it as JSON.
    const queued = navigator.sendBeacon?.(`${API}commit`, new Blob([body], { type: 'text/plain;charset=UTF-8' }));
    if (!queued) void fetch(`${API}commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, keepalive: true }).catch(() => undefined);
  }

  /** Re-reads the session (SCORM 1.2 hands out fresh launch data per SCO delivery). */
  async reloadSession(): Promise<SessionResponse> {
    await this.flush();
    const res = await fetch(`${API}session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: this.token }) });
    if (!res.ok) throw new Error(`session ${res.status}`);
    const session = (await res.json()) as SessionResponse;
    this.token = session.token;
    return session;
  }
}

/** The later commit may take the earlier one's place: same SCO session, or only a newer course report. */
function canFold(earlier: Commit, later: Commit): boolean {
  if (later.item === undefined) return true;
  return !earlier.events.includes('terminate') && (earlier.item === undefined || earlier.item === later.item);
}

function fold(earlier: Commit, later: Commit): Commit {
  const item = later.item ?? earlier.item;
  const cmi = later.item !== undefined ? later.cmi : earlier.cmi;
  const course = later.course ?? earlier.course;
  return {
    seq: later.seq,
    events: [...new Set([...earlier.events, ...later.events])],
    ...(item !== undefined ? { item } : {}),
    ...(cmi !== undefined ? { cmi } : {}),
    ...(course !== undefined ? { course } : {}),
  };
}

/** Opens the session for a launch token. */
export async function openSession(token: string, startAt: string | null): Promise<SessionResponse> {
  const res = await fetch(`${API}session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, ...(startAt ? { startAt } : {}) }) });
  if (!res.ok) throw Object.assign(new Error(`session ${res.status}`), { status: res.status });
  return (await res.json()) as SessionResponse;
}
