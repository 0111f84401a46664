// A load generator that records every request's latency (autocannon reports
// p97.5 but not p95), run as its own process so it does not share an event
// loop with the server it measures. Plain JavaScript: `node` runs it as is.
//
//   node bench/load/http-worker.mjs '{"url":"http://127.0.0.1:3000/xapi/statements","method":"POST","body":"[...]","duration":10,"connections":8}'
//
// Options (one JSON argument):
//   url          required; http://127.0.0.1 or http://localhost only
//   method       GET (default), POST, PUT
//   headers      optional object
//   body         optional string, sent with every request
//   duration     seconds, 1..60 (default 10)
//   connections  1..64 (default 8): requests in flight at once, each on its own keep-alive socket
//
// Prints one line of JSON: {requests, ok, errors, non2xx, statusCodes, seconds, latency:{p50,p95,p99,max,mean}}.
import http from 'node:http';

function fail(message) {
  process.stderr.write(`http-worker: ${message}\n`);
  process.exit(2);
}

let o;
try {
  o = JSON.parse(process.argv[2] ?? '');
} catch {
  fail('expected one JSON argument with at least {"url": "..."}');
}
const url = new URL(o.url);
if (url.protocol !== 'http:' || !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) fail(`refusing a non-loopback address (${o.url})`);
const duration = o.duration ?? 10;
const connections = o.connections ?? 8;
if (!(duration >= 1 && duration <= 60)) fail('"duration" must be 1..60 seconds');
if (!(Number.isInteger(connections) && connections >= 1 && connections <= 64)) fail('"connections" must be 1..64');
const method = o.method ?? 'GET';
const body = o.body === undefined ? undefined : Buffer.from(o.body);
const headers = { ...(o.headers ?? {}), ...(body ? { 'content-length': String(body.length) } : {}) };
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

const latencies = [];
const statusCodes = {};
let errors = 0;
const started = performance.now();
const endAt = started + duration * 1000;

function once() {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const req = http.request(url, { method, headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(performance.now() - t0);
        statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    if (body) req.write(body);
    req.end();
  });
}

async function loop() {
  while (performance.now() < endAt) await once();
}

await Promise.all(Array.from({ length: connections }, loop));
const seconds = (performance.now() - started) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const q = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] : 0);
const ok = Object.entries(statusCodes).filter(([c]) => c.startsWith('2')).reduce((s, [, n]) => s + n, 0);
const round = (x) => Math.round(x * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    requests: latencies.length,
    ok,
    errors,
    non2xx: latencies.length - ok,
    statusCodes,
    seconds: round(seconds),
    latency: { p50: round(q(0.5)), p95: round(q(0.95)), p99: round(q(0.99)), max: round(latencies.at(-1) ?? 0), mean: round(latencies.reduce((s, x) => s + x, 0) / (latencies.length || 1)) },
  })}\n`,
);
