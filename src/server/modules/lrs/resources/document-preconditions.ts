import type { DocumentKind, StoredDocument } from '../documents.repository.js';
import type { XapiRequest } from '../xapi/request.js';
import { xapiError } from '../xapi/xapi-error.js';

// Concurrency for the document resources (1.0.3 Communication 3.1, 2.0.0 4.1.4):
// RFC 7232 If-Match / If-None-Match against the stored document's ETag, and
// what a PUT without either header may do (the table in documents.resource.ts).

type TagList = '*' | string[] | null;

function tagList(header: string | undefined): TagList {
  if (header === undefined || header.trim() === '') return null;
  if (header.trim() === '*') return '*';
  return header.split(',').map((t) => t.trim()).filter(Boolean);
}

/** An entity tag without weakness prefix and quotes, so '"abc"', 'W/"abc"' and 'abc' compare equal. */
function opaque(tag: string): string {
  return tag.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

export type Preconditions = { ifMatch: TagList; ifNoneMatch: TagList };

export function readPreconditions(request: XapiRequest): Preconditions {
  return { ifMatch: tagList(request.headers['if-match']), ifNoneMatch: tagList(request.headers['if-none-match']) };
}

export const hasPreconditions = (p: Preconditions) => p.ifMatch !== null || p.ifNoneMatch !== null;

/** RFC 7232 If-Match / If-None-Match against the stored document: 412 when one fails. */
export function checkPreconditions(p: Preconditions, existing: StoredDocument | undefined): void {
  if (p.ifMatch !== null) {
    const current = existing ? opaque(existing.etag) : null;
    const matches = current !== null && (p.ifMatch === '*' || p.ifMatch.some((t) => opaque(t) === current));
    if (!matches) throw xapiError.preconditionFailed(existing ? undefined : 'The document does not exist, so it cannot match If-Match.');
  }
  if (p.ifNoneMatch !== null && existing) {
    const current = opaque(existing.etag);
    if (p.ifNoneMatch === '*' || p.ifNoneMatch.some((t) => opaque(t) === current)) {
      throw xapiError.preconditionFailed('The document already exists (If-None-Match).');
    }
  }
}

export function refuseUnconditionalPut(spec: { kind: DocumentKind }, request: XapiRequest, existing: StoredDocument | undefined): void {
  const stateOverwriteAllowed = spec.kind === 'state' && request.version === '1.0.3';
  if (existing && !stateOverwriteAllowed) {
    throw xapiError.conflict(
      'The document already exists. GET it to check its current state, then PUT again with If-Match set to its current ETag (or use POST to merge JSON).',
    );
  }
  if (existing || spec.kind === 'state') return;
  if (request.version === '1.0.3') throw xapiError.bad('A PUT to a profile document needs If-Match or If-None-Match (use If-None-Match: * to create it).');
  throw xapiError.preconditionRequired('A PUT to a profile document needs If-Match or If-None-Match (use If-None-Match: * to create it).');
}
