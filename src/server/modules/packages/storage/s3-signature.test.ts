import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageS3Config } from '../../../config.js';
import { S3Client } from './s3-client.js';

// s3rver checks the access key but not SigV4 signatures, so here a plain HTTP
// server records what arrives and this file checks every signature the way
// AWS's documentation computes it (independently of aws4fetch), including
// keys with characters that need encoding, byte ranges and query strings.

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: Buffer };
const seen: Seen[] = [];
let server: Server;
let settings: PackageS3Config;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      if (req.method === 'GET' && req.url!.includes('list-type=2')) {
        res.writeHead(200, { 'content-type': 'application/xml' }).end('<ListBucketResult><IsTruncated>false</IsTruncated></ListBucketResult>');
      } else if (req.method === 'POST') res.writeHead(200).end('<DeleteResult></DeleteResult>');
      else if (req.method === 'DELETE') res.writeHead(204).end();
      else if (req.headers.range) res.writeHead(206, { 'content-length': '2', 'content-range': 'bytes 0-1/9' }).end('ab');
      else res.writeHead(200, { 'content-length': '1', 'last-modified': new Date().toUTCString() }).end(req.method === 'HEAD' ? undefined : 'x');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  settings = { endpoint: `http://127.0.0.1:${port}`, region: 'eu-north-1', bucket: 'mestring', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: SECRET, prefix: 'p/', forcePathStyle: true };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const rfc3986 = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

/** Recomputes the request's SigV4 signature from what arrived, as S3 does, and compares. */
function verify(request: Seen): void {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(String(request.headers.authorization));
  expect(auth, String(request.headers.authorization)).not.toBeNull();
  const [, accessKey, date, region, signedHeaders, signature] = auth!;
  expect([accessKey, region]).toEqual(['AKIDEXAMPLE', 'eu-north-1']);
  const [rawPath, rawQuery = ''] = request.url.split('?') as [string, string?];
  const canonicalUri = rawPath.split('/').map((segment) => rfc3986(decodeURIComponent(segment))).join('/');
  const canonicalQuery = rawQuery
    .split('&')
    .filter(Boolean)
    .map((pair) => pair.split('=').map((p) => rfc3986(decodeURIComponent(p.replace(/\+/g, ' ')))) as [string, string?])
    .sort(([a, av = ''], [b, bv = '']) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v = '']) => `${k}=${v}`)
    .join('&');
  const names = signedHeaders!.split(';');
  expect(names).toEqual(expect.arrayContaining(['host', 'x-amz-content-sha256', 'x-amz-date']));
  const canonicalHeaders = names.map((n) => `${n}:${String(request.headers[n]).trim().replace(/\s+/g, ' ')}\n`).join('');
  const canonicalRequest = [request.method, canonicalUri, canonicalQuery, canonicalHeaders, signedHeaders, request.headers['x-amz-content-sha256']].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', request.headers['x-amz-date'], scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), 's3'), 'aws4_request');
  expect(createHmac('sha256', key).update(stringToSign).digest('hex'), canonicalRequest).toBe(signature);
}

describe('S3 request signing (SigV4, checked independently)', () => {
  it('signs object, range, listing and multi-delete requests so that S3 would accept them', async () => {
    const client = new S3Client(settings);
    const awkward = "p/m/1/ø å/a b+c (1)!'*~ %.txt";
    seen.length = 0;
    await client.putObject(awkward, { open: () => new TextEncoder().encode('hello'), size: 5, contentType: 'text/plain' });
    await client.getObject(awkward, { start: 0, end: 1 });
    await client.headObject(awkward);
    await client.listKeys('p/m/1/ø å/+x/', 7);
    await client.deleteObjects([awkward, 'p/m/1/<&>.txt']);
    await client.deleteObject(awkward);
    expect(seen.map((r) => r.method)).toEqual(['PUT', 'GET', 'HEAD', 'GET', 'POST', 'DELETE']);
    for (const request of seen) verify(request);

    // The key arrives whole, in the bucket's path.
    expect(decodeURIComponent(seen[0]!.url)).toBe(`/mestring/${awkward}`);
    expect(seen[0]!.body.toString()).toBe('hello');
    expect(seen[0]!.headers['content-type']).toBe('text/plain');
    expect(seen[1]!.headers.range).toBe('bytes=0-1');
    const list = new URL(seen[3]!.url, 'http://x');
    expect(Object.fromEntries(list.searchParams)).toEqual({ 'list-type': '2', prefix: 'p/m/1/ø å/+x/', 'max-keys': '7' });
    // DeleteObjects: XML-escaped keys and the Content-MD5 that S3 requires.
    const deleteBody = seen[4]!.body.toString();
    expect(deleteBody).toContain('<Key>p/m/1/&lt;&amp;&gt;.txt</Key>');
    expect(seen[4]!.headers['content-md5']).toBe(createHash('md5').update(seen[4]!.body).digest('base64'));
  });

  it('addresses AWS with virtual-hosted names and self-hosted servers by path', () => {
    const aws = new S3Client({ ...settings, endpoint: 'https://s3.eu-north-1.amazonaws.com', forcePathStyle: false });
    expect(aws.objectUrl('p/a b.txt').href).toBe('https://mestring.s3.eu-north-1.amazonaws.com/p/a%20b.txt');
    const minio = new S3Client({ ...settings, endpoint: 'https://minio.example:9000/s3' });
    expect(minio.objectUrl('p/a b.txt').href).toBe('https://minio.example:9000/s3/mestring/p/a%20b.txt');
  });
});
