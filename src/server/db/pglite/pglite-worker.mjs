// PGlite runs here, in a worker thread, because it blocks its thread for the
// whole of each query: the HTTP event loop must stay free while SQL runs.
// Plain JavaScript on purpose: a worker is started by Node itself, without the
// TypeScript loaders that tsx and vitest install in the main thread.
import { closeSync, fdatasyncSync, fsyncSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const DATE_OID = 1082;
const NUMERIC_OID = 1700;

// PGlite starts PostgreSQL with "-F" (fsync off). These are its defaults
// without "-F", so that PostgreSQL itself believes it must be durable.
const START_PARAMS = [
  '--single', '-O', '-j',
  '-c', 'search_path=public',
  '-c', 'exit_on_error=false',
  '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0',
  '-c', 'max_parallel_workers=0',
  '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'io_method=sync',
  '-c', 'max_parallel_maintenance_workers=0',
  '-c', 'fsync=on',
  '-c', 'synchronous_commit=on',
];

/**
 * Emscripten's file system turns PostgreSQL's fdatasync() into a no-op, so a
 * commit reaches the OS page cache but not the disk. After each statement that
 * may have committed, we flush every WAL segment that changed, from the host.
 * Opening a second descriptor is enough: fdatasync flushes the file, not the fd.
 */
// File times are coarse (a clock tick of 1-10 ms on Linux before 6.13, up to
// 2 s on some file systems), and WAL segments are preallocated, so their size
// never changes: two commits within one tick leave the same mtime and size.
// An unchanged stamp only proves a segment clean when its mtime lies well
// before the flush that recorded it.
const MTIME_SLACK_MS = 2500;

class WalFlusher {
  constructor(dataDir) {
    this.dataDir = dataDir;
    this.walDir = join(dataDir, 'pg_wal');
    this.controlStamp = null;
    this.seen = new Map(); // name -> { stamp: "mtimeMs:size", flushedAt }
  }
  flush() {
    const now = Date.now();
    let names;
    try {
      names = readdirSync(this.walDir).filter((n) => /^[0-9A-F]{24}$/.test(n));
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(this.walDir, name);
      const st = statSync(path, { throwIfNoEntry: false });
      if (!st) continue;
      const stamp = `${st.mtimeMs}:${st.size}`;
      const last = this.seen.get(name);
      if (last && last.stamp === stamp && st.mtimeMs < last.flushedAt - MTIME_SLACK_MS) continue;
      const fd = openSync(path, 'r+');
      try {
        fdatasyncSync(fd);
      } finally {
        closeSync(fd);
      }
      this.seen.set(name, { stamp, flushedAt: now });
    }
    this.flushAfterCheckpoint();
  }

  /**
   * A checkpoint writes data pages (unsynced, for the same reason) and then
   * lets PostgreSQL recycle the WAL that could have replayed them. It always
   * rewrites global/pg_control, so when that file changes we flush the whole
   * data directory. Checkpoints are rare (WAL full, shutdown), so this is cheap
   * overall; a power cut inside the checkpoint itself remains a small window.
   */
  flushAfterCheckpoint() {
    const st = statSync(join(this.dataDir, 'global', 'pg_control'), { throwIfNoEntry: false });
    if (!st) return;
    const stamp = `${st.mtimeMs}:${st.ctimeMs}`;
    if (stamp === this.controlStamp) return;
    syncTree(this.dataDir);
    this.controlStamp = stamp;
  }
}

/** fsync every file and folder below `dir` (folders too, so that new and renamed files persist). */
export function syncTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(path);
    else if (entry.isFile()) syncPath(path, 'r+');
  }
  syncPath(dir, 'r');
}

function syncPath(path, mode) {
  let fd;
  try {
    fd = openSync(path, mode);
    fsyncSync(fd);
  } catch {
    // A file removed between readdir and open needs no flush.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const { dataDir } = workerData;
const inMemory = dataDir.startsWith('memory://');
const flusher = inMemory ? null : new WalFlusher(dataDir);
let inTransaction = false;
let db;

// PGlite runs PostgreSQL in single-user mode, so autovacuum never runs and the
// planner has no statistics: it then guesses a handful of rows per tenant and
// picks sequential scans and sorts. We analyze after start-up and after every
// ANALYZE_EVERY written rows, between requests (never inside a transaction).
const ANALYZE_EVERY = 2000;
let writesSinceAnalyze = 0;

function mayCommit(sql) {
  const head = sql.trimStart().slice(0, 16).toLowerCase();
  if (head.startsWith('begin') || head.startsWith('start transaction')) {
    inTransaction = true;
    return false;
  }
  if (head.startsWith('commit') || head.startsWith('end')) {
    inTransaction = false;
    return true;
  }
  if (head.startsWith('rollback') && !head.startsWith('rollback to')) {
    inTransaction = false;
    return false;
  }
  return !inTransaction && !head.startsWith('select');
}

function serializeError(err) {
  return {
    message: err?.message ?? String(err),
    code: err?.code,
    detail: err?.detail,
    constraint: err?.constraint,
    table: err?.table,
    column: err?.column,
    schema: err?.schema,
  };
}

async function handle(msg) {
  if (msg.type === 'query') {
    const commits = mayCommit(msg.sql);
    const result = await db.query(msg.sql, msg.params ?? [], { rowMode: 'object' });
    if (commits && flusher) flusher.flush();
    writesSinceAnalyze += result.affectedRows ?? 0;
    return { rows: result.rows, affectedRows: result.affectedRows ?? 0, command: result.command ?? null };
  }
  if (msg.type === 'close') {
    await db.close();
    if (!inMemory) syncTree(dataDir);
    return {};
  }
  throw new Error(`unknown message type ${msg.type}`);
}

async function analyze() {
  writesSinceAnalyze = 0;
  try {
    await db.exec('analyze');
  } catch {
    // Statistics are an optimisation; a failed analyze must not break requests.
  }
}

async function main() {
  db = await PGlite.create(inMemory ? undefined : dataDir, {
    startParams: START_PARAMS,
    parsers: { [DATE_OID]: (value) => value, [NUMERIC_OID]: (value) => Number(value) },
  });
  if (flusher) flusher.flush();
  await analyze();
  parentPort.postMessage({ type: 'ready' });
  // Messages are handled strictly one at a time, in arrival order.
  let chain = Promise.resolve();
  parentPort.on('message', (msg) => {
    chain = chain.then(async () => {
      try {
        parentPort.postMessage({ id: msg.id, ok: true, result: await handle(msg) });
      } catch (err) {
        parentPort.postMessage({ id: msg.id, ok: false, error: serializeError(err) });
      }
      if (writesSinceAnalyze >= ANALYZE_EVERY && !inTransaction) await analyze();
    });
  });
}

main().catch((err) => {
  parentPort.postMessage({ type: 'failed', error: serializeError(err) });
});
