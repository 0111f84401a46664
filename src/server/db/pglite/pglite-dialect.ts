import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

type WorkerReply =
  | { id: number; ok: true; result: { rows: unknown[]; affectedRows: number; command: string | null } }
  | { id: number; ok: false; error: PgliteErrorFields };

type PgliteErrorFields = { message: string; code?: string; detail?: string; constraint?: string; table?: string };

/** A database error carried back from the worker, with PostgreSQL's SQLSTATE in `code` as `pg` gives it. */
export class PgliteWorkerError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  constructor(fields: PgliteErrorFields) {
    super(fields.message);
    Object.assign(this, fields);
  }
}

/**
 * The host side of the PGlite worker: posts SQL to the worker thread and
 * resolves replies by id. PGlite has a single session, so callers take turns
 * through `lock` (one Kysely connection at a time, like a pool of size one).
 */
export class PgliteWorkerHost {
  private worker: Worker;
  private nextId = 1;
  private pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private ready: Promise<void>;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(dataDir: string) {
    this.worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    this.ready = new Promise((resolve, reject) => {
      const onMessage = (msg: any) => {
        if (msg?.type === 'ready') resolve();
        else if (msg?.type === 'failed') reject(new PgliteWorkerError(msg.error));
        else this.settle(msg as WorkerReply);
      };
      this.worker.on('message', onMessage);
      this.worker.once('error', (err) => {
        reject(err);
        this.failAll(err);
      });
      this.worker.once('exit', (code) => {
        if (!this.closed) this.failAll(new Error(`PGlite worker exited with code ${code}`));
      });
    });
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Runs `fn` with exclusive use of the single PGlite session. */
  async lock<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.queue;
    let release!: () => void;
    this.queue = new Promise<void>((r) => (release = r));
    await previous;
    try {
      return await fn();
    } finally {
      release();
    }
  }

  async query(sql: string, params: readonly unknown[]): Promise<{ rows: unknown[]; affectedRows: number; command: string | null }> {
    await this.ready;
    return this.send({ type: 'query', sql, params });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.ready.catch(() => undefined);
    await this.send({ type: 'close' }).catch(() => undefined);
    this.closed = true;
    await this.worker.terminate();
  }

  private send(message: Record<string, unknown>): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private settle(reply: WorkerReply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.result);
    else waiter.reject(new PgliteWorkerError(reply.error));
  }

  private failAll(err: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(err);
    this.pending.clear();
  }
}

class PgliteWorkerConnection implements DatabaseConnection {
  constructor(private host: PgliteWorkerHost) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.host.query(compiled.sql, compiled.parameters);
    const command = result.command?.toUpperCase();
    const changes = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return {
      rows: result.rows as R[],
      ...(changes ? { numAffectedRows: BigInt(result.affectedRows) } : {}),
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('Streaming is not supported by the embedded database; page with LIMIT instead.');
  }
}

class PgliteWorkerDriver implements Driver {
  private releases = new WeakMap<DatabaseConnection, () => void>();
  constructor(private host: PgliteWorkerHost) {}

  async init(): Promise<void> {
    await this.host.whenReady();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = new PgliteWorkerConnection(this.host);
    await new Promise<void>((acquired) => {
      void this.host.lock(
        () =>
          new Promise<void>((release) => {
            this.releases.set(connection, release);
            acquired();
          }),
      );
    });
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`begin${level}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    this.releases.get(connection)?.();
    this.releases.delete(connection);
  }

  async destroy(): Promise<void> {
    await this.host.close();
  }
}

export class PgliteWorkerDialect implements Dialect {
  constructor(private host: PgliteWorkerHost) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PgliteWorkerDriver(this.host);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
