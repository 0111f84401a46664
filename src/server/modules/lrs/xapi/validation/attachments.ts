// Attachment headers (1.0.3 Data 2.4.11, 2.0.0 4.2.2.6). Matching them to
// multipart parts by sha2 is the statement resource's job; this checks shape.
import { checkIri, checkLanguageMap, expectObject, rejectUnknownKeys, type Issues } from './checks.js';
import { isMediaType, isNonNegativeInteger, isSha2Hex, join } from './primitives.js';

const ATTACHMENT_KEYS = ['usageType', 'display', 'description', 'contentType', 'length', 'sha2', 'fileUrl'] as const;

export function checkAttachments(v: Issues, value: unknown, path: string): void {
  if (!Array.isArray(value)) {
    v.add(path, 'must be an array of Attachment objects');
    return;
  }
  value.forEach((attachment, i) => checkAttachment(v, attachment, join(path, i)));
}

function checkAttachment(v: Issues, value: unknown, path: string): void {
  if (!expectObject(v, value, path, 'an Attachment object')) return;
  rejectUnknownKeys(v, value, ATTACHMENT_KEYS, path, 'an Attachment');
  checkIri(v, value, 'usageType', path, true);
  if (!('display' in value)) v.add(join(path, 'display'), 'is required');
  else checkLanguageMap(v, value.display, join(path, 'display'));
  if ('description' in value) checkLanguageMap(v, value.description, join(path, 'description'));
  if (!isMediaType(value.contentType)) v.add(join(path, 'contentType'), 'is required and must be an Internet media type');
  if (!isNonNegativeInteger(value.length)) v.add(join(path, 'length'), 'is required and must be a non-negative integer');
  if (!isSha2Hex(value.sha2)) v.add(join(path, 'sha2'), 'is required and must be a hex SHA-2 hash');
  checkIri(v, value, 'fileUrl', path, false, 'an IRL');
}
