import { randomBytes } from 'node:crypto';
import { xapiError } from './xapi-error.js';

// multipart/mixed (RFC 2046) as xAPI uses it for attachments: the first part is
// the statement(s) as JSON, each further part one attachment's raw bytes with
// its SHA-256 in X-Experience-API-Hash.

export type Part = { headers: Record<string, string>; body: Buffer };

export function boundaryOf(contentTypeHeader: string | undefined): string | null {
  if (!contentTypeHeader) return null;
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentTypeHeader);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw xapiError.bad(`A multipart part has a malformed header line: "${line.slice(0, 80)}".`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Splits a multipart body into parts; refuses anything not framed by the boundary. */
export function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw xapiError.bad('The multipart body does not contain its boundary.');
  for (;;) {
    position += delimiter.length;
    // "--" right after a delimiter closes the body.
    if (body[position] === 0x2d && body[position + 1] === 0x2d) break;
    // Transport padding (spaces) may follow the delimiter before CRLF.
    while (body[position] === 0x20 || body[position] === 0x09) position++;
    if (body[position] !== 0x0d || body[position + 1] !== 0x0a) throw xapiError.bad('A multipart boundary must be followed by CRLF.');
    position += 2;
    const headerEnd = body.indexOf('\r\n\r\n', position);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), position);
    if (next < 0) throw xapiError.bad('The multipart body is not closed by its boundary.');
    let headers: Record<string, string> = {};
    let contentStart: number;
    if (body.subarray(position, position + 2).toString() === '\r\n') {
      contentStart = position + 2; // a part without headers
    } else {
      if (headerEnd < 0 || headerEnd > next) throw xapiError.bad('A multipart part has no blank line after its headers.');
      headers = parseHeaders(body.subarray(position, headerEnd).toString('latin1'));
      contentStart = headerEnd + 4;
    }
    parts.push({ headers, body: body.subarray(contentStart, next) });
    position = next + 2;
  }
  return parts;
}

/** A multipart/mixed response: statements JSON first, then attachments. */
export function buildMultipart(json: unknown, attachments: { contentType: string; sha2: string; content: Buffer }[]): { contentType: string; body: Buffer } {
  const boundary = `xapi-${randomBytes(12).toString('hex')}`;
  const chunks: Buffer[] = [];
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`));
  for (const a of attachments) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`),
      a.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
