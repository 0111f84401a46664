import { createHash } from 'node:crypto';
import { AwsClient } from 'aws4fetch';
import { XMLParser } from 'fast-xml-parser';
import type { PackageS3Config } from '../../../config.js';

// The few S3 operations package storage needs, signed with SigV4 by aws4fetch
// over Node's fetch (no AWS SDK). Works with AWS and the S3-compatible servers
// (MinIO, Ceph RGW, Garage, SeaweedFS…): only the core REST API is used.

/** A failed S3 call: names the operation, bucket and key, never the credentials. */
export class S3StorageError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly status: number | null,
    readonly code: string | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'S3StorageError';
  }
}

export type S3Object = { body: ReadableStream<Uint8Array>; size: number; modified: Date };
export type S3Head = { size: number; modified: Date; contentType: string | null };
export type PutBody = { open: () => ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>; size: number; contentType: string };

const ATTEMPTS = 3;
const RETRY_BASE_MS = 100;

const xml = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  // Keys may start or end with spaces; they are data, not layout.
  trimValues: false,
  isArray: (name) => name === 'Contents' || name === 'Error' || name === 'Deleted',
});

export class S3Client {
  private readonly aws: AwsClient;

  constructor(readonly settings: PackageS3Config) {
    // Retries are ours (below): aws4fetch's would resend a streamed body it has already consumed.
    this.aws = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, service: 's3', region: settings.region, retries: 0 });
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  /** The object, a byte range of it when asked, or null when there is no such key. */
  async getObject(key: string, range?: { start: number; end: number }): Promise<S3Object | null> {
    const res = await this.send('GetObject', key, () => ({ method: 'GET', headers: range ? { range: `bytes=${range.start}-${range.end}` } : undefined }), { url: this.objectUrl(key) });
    if (res.status === 404) {
      const code = errorCode(await res.text());
      // A missing bucket also answers 404: that is a broken configuration, not a missing file.
      if (code === 'NoSuchKey') return null;
      throw this.failure('GetObject', key, res.status, code, '');
    }
    if (range && res.status !== 206) {
      await res.body?.cancel();
      throw this.failure('GetObject', key, res.status, null, `asked for bytes ${range.start}-${range.end} but the server did not answer with that range`);
    }
    if (res.status !== 200 && res.status !== 206) throw await this.failureOf('GetObject', key, res);
    const size = Number(res.headers.get('content-length'));
    if (!res.body || !Number.isSafeInteger(size)) {
      await res.body?.cancel();
      throw this.failure('GetObject', key, res.status, null, 'the answer has no body or no Content-Length');
    }
    return { body: res.body, size, modified: lastModified(res.headers) };
  }

  /**
   * Size and time of an object, or null when it is absent. HEAD answers carry
   * no body, so a 404 cannot tell a missing key from a missing bucket: callers
   * establish that the bucket answers (with getObject) before trusting a null.
   */
  async headObject(key: string): Promise<S3Head | null> {
    const res = await this.send('HeadObject', key, () => ({ method: 'HEAD' }), { url: this.objectUrl(key) });
    if (res.status === 404) return null;
    if (res.status !== 200) throw await this.failureOf('HeadObject', key, res);
    const size = Number(res.headers.get('content-length'));
    if (!Number.isSafeInteger(size)) throw this.failure('HeadObject', key, res.status, null, 'the answer has no Content-Length');
    return { size, modified: lastModified(res.headers), contentType: res.headers.get('content-type') };
  }

  /** Writes an object; the body is opened anew for every attempt, so large files stream from disk. */
  async putObject(key: string, body: PutBody): Promise<void> {
    const res = await this.send(
      'PutObject',
      key,
      () => ({ method: 'PUT', body: body.open(), headers: { 'content-type': body.contentType, 'content-length': String(body.size) } }),
      { url: this.objectUrl(key) },
    );
    if (res.status !== 200) throw await this.failureOf('PutObject', key, res);
    await res.body?.cancel();
  }

  /** Removes an object; removing what is not there is fine (S3 answers 204 either way). */
  async deleteObject(key: string): Promise<void> {
    const res = await this.send('DeleteObject', key, () => ({ method: 'DELETE' }), { url: this.objectUrl(key) });
    if (res.status !== 204 && res.status !== 200 && res.status !== 404) throw await this.failureOf('DeleteObject', key, res);
    if (res.status === 404) {
      const code = errorCode(await res.text());
      if (code !== 'NoSuchKey') throw this.failure('DeleteObject', key, res.status, code, '');
    }
    await res.body?.cancel();
  }

  /** Every key under a prefix (ListObjectsV2, following continuation tokens). */
  async listKeys(prefix: string, pageSize = 1000): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const url = this.bucketUrl();
      url.searchParams.set('list-type', '2');
      url.searchParams.set('prefix', prefix);
      url.searchParams.set('max-keys', String(pageSize));
      if (token) url.searchParams.set('continuation-token', token);
      const res = await this.send('ListObjectsV2', prefix, () => ({ method: 'GET' }), { url });
      if (res.status !== 200) throw await this.failureOf('ListObjectsV2', prefix, res);
      const result = (xml.parse(await res.text()) as { ListBucketResult?: { Contents?: { Key?: string }[]; IsTruncated?: string; NextContinuationToken?: string } }).ListBucketResult;
      if (!result) throw this.failure('ListObjectsV2', prefix, res.status, null, 'the answer is not a ListBucketResult');
      for (const item of result.Contents ?? []) if (typeof item.Key === 'string') keys.push(item.Key);
      token = result.IsTruncated === 'true' ? result.NextContinuationToken : undefined;
      if (result.IsTruncated === 'true' && !token) throw this.failure('ListObjectsV2', prefix, res.status, null, 'the listing is truncated but has no continuation token');
    } while (token);
    return keys;
  }

  /** DeleteObjects for up to 1000 keys; any key the server could not delete is an error. */
  async deleteObjects(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    if (keys.length > 1000) throw new RangeError('DeleteObjects takes at most 1000 keys');
    const body = `<?xml version="1.0" encoding="UTF-8"?><Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Quiet>true</Quiet>${keys.map((k) => `<Object><Key>${escapeXml(k)}</Key></Object>`).join('')}</Delete>`;
    const bytes = new TextEncoder().encode(body);
    // S3 refuses a multi-object delete without an integrity header.
    const md5 = createHash('md5').update(bytes).digest('base64');
    const url = this.bucketUrl();
    url.searchParams.set('delete', '');
    const what = `${keys.length} keys from ${keys[0]}`;
    const res = await this.send('DeleteObjects', what, () => ({ method: 'POST', body: bytes, headers: { 'content-type': 'application/xml', 'content-md5': md5 } }), { url });
    if (res.status !== 200) throw await this.failureOf('DeleteObjects', what, res);
    const result = (xml.parse(await res.text()) as { DeleteResult?: { Error?: { Key?: string; Code?: string; Message?: string }[] } }).DeleteResult;
    const failed = result?.Error ?? [];
    if (failed.length > 0) {
      const first = failed[0]!;
      throw this.failure('DeleteObjects', first.Key ?? what, res.status, first.Code ?? null, `${failed.length} of ${keys.length} keys were not deleted${first.Message ? ` (${first.Message})` : ''}`);
    }
  }

  /** Where an object is: path style (endpoint/bucket/key) or virtual-hosted (bucket.endpoint/key). */
  objectUrl(key: string): URL {
    const url = this.bucketUrl();
    url.pathname = `${url.pathname.replace(/\/$/, '')}/${encodeKey(key)}`;
    return url;
  }

  private bucketUrl(): URL {
    const url = new URL(this.settings.endpoint);
    const base = url.pathname.replace(/\/$/, '');
    if (this.settings.forcePathStyle) url.pathname = `${base}/${encodeURIComponent(this.bucket)}`;
    else url.hostname = `${this.bucket}.${url.hostname}`;
    return url;
  }

  /**
   * Signs and sends; network failures, 5xx and 429 are retried with backoff
   * (every operation here is idempotent). What remains is returned as is.
   */
  private async send(operation: string, what: string, init: () => { method: string; headers?: Record<string, string>; body?: BodyInit }, target: { url: URL }): Promise<Response> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((r) => setTimeout(r, RETRY_BASE_MS * 2 ** (attempt - 2) * (0.5 + Math.random())));
      let res: Response;
      const request = init();
      try {
        res = await fetch(await this.aws.sign(target.url.toString(), request));
      } catch (err) {
        lastError = err;
        // A file stream that never got sent would keep its file open.
        if (request.body instanceof ReadableStream) await request.body.cancel().catch(() => {});
        continue;
      }
      if ((res.status >= 500 || res.status === 429) && attempt < ATTEMPTS) {
        await res.body?.cancel();
        continue;
      }
      return res;
    }
    const cause = lastError as { message?: string; cause?: { message?: string; code?: string } };
    const detail = [cause?.message, cause?.cause?.code ?? cause?.cause?.message].filter(Boolean).join(': ');
    throw new S3StorageError(`S3 ${operation} of "${what}" in bucket "${this.bucket}" at ${this.settings.endpoint} failed: ${detail || 'network error'}`, operation, null, null, { cause: lastError });
  }

  private async failureOf(operation: string, what: string, res: Response): Promise<S3StorageError> {
    const text = await res.text().catch(() => '');
    const parsed = (safeParse(text) as { Error?: { Code?: string; Message?: string }[] } | null)?.Error?.[0];
    return this.failure(operation, what, res.status, parsed?.Code ?? null, parsed?.Message ?? '');
  }

  private failure(operation: string, what: string, status: number, code: string | null, message: string): S3StorageError {
    const hint = status === 403 ? ' (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and the key\'s permissions on the bucket)' : '';
    const details = [code, message].filter(Boolean).join(': ');
    return new S3StorageError(`S3 ${operation} of "${what}" in bucket "${this.bucket}" failed with HTTP ${status}${details ? ` ${details}` : ''}${hint}`, operation, status, code);
  }
}

/** Each key segment percent-encoded as SigV4 wants (RFC 3986: also !'()*), slashes kept. */
export function encodeKey(key: string): string {
  return key
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function errorCode(body: string): string | null {
  return (safeParse(body) as { Error?: { Code?: string }[] } | null)?.Error?.[0]?.Code ?? null;
}

function safeParse(text: string): unknown {
  if (!text.trimStart().startsWith('<')) return null;
  try {
    return xml.parse(text);
  } catch {
    return null;
  }
}

function lastModified(headers: Headers): Date {
  const date = new Date(headers.get('last-modified') ?? '');
  return Number.isNaN(date.getTime()) ? new Date(0) : date;
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
