// The load generator, run as its own process so that it does not share an
// event loop (or a CPU's worth of JavaScript) with the server it measures.
// Plain JavaScript so that `node` runs it without a TypeScript loader.
//
//   node bench/load/autocannon-worker.mjs '{"url":"http://127.0.0.1:3000/api/health","duration":10,"connections":10}'
//
// Options (one JSON argument):
//   url          required; http://127.0.0.1 or http://localhost only
//   headers      optional object, e.g. {"cookie":"mestring_session=..."}
//   duration     seconds, 1..60 (default 10)
//   connections  1..100 (default 10)
//   timeout      seconds per request (default 10)
//   syncStart    when true: print "READY" on a line of its own, wait for one
//                line on stdin, then start (lets the caller line the load up
//                with something it does at the same moment)
//
// Prints autocannon's result object as one line of JSON on stdout (last line).
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';

function fail(message) {
  process.stderr.write(`autocannon-worker: ${message}\n`);
  process.exit(2);
}

function parseOptions(raw) {
  let o;
  try {
    o = JSON.parse(raw ?? '');
  } catch {
    fail('expected one JSON argument with at least {"url": "..."}');
  }
  if (!o || typeof o.url !== 'string') fail('"url" is required');
  const url = new URL(o.url);
  if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    fail(`refusing to load anything but a loopback http address (got ${o.url})`);
  }
  const duration = o.duration ?? 10;
  const connections = o.connections ?? 10;
  if (!(duration >= 1 && duration <= 60)) fail('"duration" must be 1..60 seconds');
  if (!(Number.isInteger(connections) && connections >= 1 && connections <= 100)) fail('"connections" must be 1..100');
  return { url: url.href, headers: o.headers ?? {}, duration, connections, timeout: o.timeout ?? 10, syncStart: o.syncStart === true };
}

function waitForGo() {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    rl.once('line', () => {
      rl.close();
      resolve();
    });
    process.stdout.write('READY\n');
  });
}

const options = parseOptions(process.argv[2]);
if (options.syncStart) await waitForGo();
const result = await autocannon({
  url: options.url,
  headers: options.headers,
  duration: options.duration,
  connections: options.connections,
  timeout: options.timeout,
});
process.stdout.write(`${JSON.stringify(result)}\n`);
