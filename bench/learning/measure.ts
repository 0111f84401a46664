import { CompiledQuery, PostgresQueryCompiler, sql, type Kysely, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import type { DB } from '../../src/server/db/schema.js';
import type { App } from '../../src/server/http/app.js';
import { summarize, type Timing } from '../mapping/measure.js';

// Server time of requests that differ per request ("my learning" is asked by
// a different employee each time), through app.inject as the mapping
// benchmark does; and, for `--explain`, the statements one request sends,
// re-run under EXPLAIN ANALYZE as the tenant role sees them.

export type Request = { url: string; cookie: string };

/** `warmup` unmeasured requests, then the rest, one after another; any non-200 fails the run. */
export async function timeRequests(app: App, requests: Request[], warmup: number): Promise<Timing> {
  const times: number[] = [];
  for (const [i, r] of requests.entries()) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url: r.url, headers: { cookie: r.cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`GET ${r.url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i >= warmup) times.push(ms);
  }
  return summarize(times);
}

/** Records the SQL of every query Kysely sends while `recording` is on. */
export class QueryRecorder implements KyselyPlugin {
  recording = false;
  readonly queries: { sql: string; parameters: readonly unknown[] }[] = [];
  private readonly compiler = new PostgresQueryCompiler();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (this.recording) {
      const compiled = this.compiler.compileQuery(args.node, args.queryId);
      this.queries.push({ sql: compiled.sql, parameters: compiled.parameters });
    }
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

/**
 * Runs the request once with the recorder on, then every SELECT it sent under
 * EXPLAIN (ANALYZE, BUFFERS) as `mestring_app` in the tenant (as withTenant
 * does), and returns the plans with the statements' text.
 */
export async function explainRequest(app: App, db: Kysely<DB>, recorder: QueryRecorder, request: Request, municipalityId: string): Promise<string> {
  recorder.queries.length = 0;
  recorder.recording = true;
  try {
    await app.inject({ method: 'GET', url: request.url, headers: { cookie: request.cookie } });
  } finally {
    recorder.recording = false;
  }
  const out: string[] = [`== ${request.url}: ${recorder.queries.length} statements`];
  for (const q of recorder.queries) {
    if (!/^\s*(select|with)\b/i.test(q.sql) || /set_config\('role'/.test(q.sql)) continue;
    // Statements outside the tenant (the session lookup) may be refused to mestring_app: say so and go on.
    const plan = await db
      .transaction()
      .execute(async (tx) => {
        await sql`select set_config('role', 'mestring_app', true), set_config('app.municipality_id', ${municipalityId}, true)`.execute(tx);
        const rows = (await tx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]))).rows;
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      })
      .catch((err: unknown) => `(not explained: ${err instanceof Error ? err.message : String(err)})`);
    out.push(`-- ${q.sql.replace(/\s+/g, ' ').slice(0, 600)}\n${plan}`);
  }
  return out.join('\n\n');
}
