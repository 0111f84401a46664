import { describe, expect, it } from 'vitest';
import {
  isAbsoluteUri,
  isDuration,
  isIri,
  isLanguageTag,
  isMbox,
  isMediaType,
  isSha2Hex,
  isTimestamp,
  isUuid,
  toUtcTimestamp,
} from './primitives.js';

describe('isIri', () => {
  it.each(['http://example.com/a', 'https://example.com/ü/straße', 'urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0', 'mailto:a@b.c', 'tag:example.com,2024:x'])(
    'accepts %s',
    (iri) => expect(isIri(iri)).toBe(true),
  );
  it.each(['', 'example.com/a', 'not.a.valid.iri.com/verb', 'ab=c://should.fail.com', '1http://x', 'http://exa mple.com', 'http://x/<y>', 'abc', ':x', 42, null])(
    'rejects %j',
    (iri) => expect(isIri(iri)).toBe(false),
  );
  it('takes an absolute URI as ASCII only', () => {
    expect(isAbsoluteUri('http://openid.example.org/12345')).toBe(true);
    expect(isAbsoluteUri('http://openid.example.org/ø')).toBe(false);
  });
});

describe('isUuid', () => {
  it.each(['fd41c918-b88b-4b20-a0a5-a4c32391aaa0', 'AA97B177-9383-4934-8543-0F91A7A02836', '00000000-0000-0000-0000-000000000000', 'aa97b177-9383-1934-c543-0f91a7a02836'])(
    'accepts %s (any version and variant)',
    (u) => expect(isUuid(u)).toBe(true),
  );
  it.each(['AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', 'fd41c918b88b4b20a0a5a4c32391aaa0', '{fd41c918-b88b-4b20-a0a5-a4c32391aaa0}', 'urn:uuid:fd41c918-b88b-4b20-a0a5-a4c32391aaa0', ''])(
    'rejects %s',
    (u) => expect(isUuid(u)).toBe(false),
  );
});

describe('isLanguageTag (RFC 5646)', () => {
  it.each(['de', 'ine', 'cmn', 'zh-Hant', 'sr-Latn', 'zh-cmn-Hans-CN', 'sr-Latn-RS', 'sl-rozaj-biske', 'de-CH-1901', 'hy-Latn-IT-arevela', 'de-DE', 'es-419', 'az-Arab-x-AZE-derbend', 'x-whatever', 'i-enochian', 'en-GB-oed', 'zh-min-nan', 'en-a-bbb-x-a-ccc', 'nb', 'nn-NO', 'se', 'fi-FI'])(
    'accepts %s',
    (tag) => expect(isLanguageTag(tag)).toBe(true),
  );
  it.each(['de-419-DE', 'a-DE', 'ar-a-aaa-b-bbb-a-ccc', 'zh-z-aaa-z-bbb-c-ccc', 'something', 'de-DE-1901-1901', 'en_US', 'en-', '', '12', 'a12345'])(
    'rejects %s',
    (tag) => expect(isLanguageTag(tag)).toBe(false),
  );
});

describe('isDuration (ISO 8601 4.4.3.2)', () => {
  it.each(['PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'P1M', 'PT1M', 'P0D', 'PT0.001S'])('accepts %s', (d) =>
    expect(isDuration(d)).toBe(true),
  );
  it.each(['PA1H0M0S', 'P4W1D', 'P0003-06-04T12:30:05', 'P', 'PT', 'P1DT', 'PT1.5H30M', 'P1H', 'T1H', '1Y', 'P-1D'])('rejects %s', (d) =>
    expect(isDuration(d)).toBe(false),
  );
});

describe('isTimestamp', () => {
  it.each(['2013-05-18T05:32:34.804Z', '2008-09-15 15:53:00.601+00:00', '2013-05-18T05:32:34+14:00', '2013-05-18T05:32Z', '20130518T053234.804+0100', '2013-05-18t05:32:34z', '2013-05-18T05:32:34,804Z'])(
    'accepts %s',
    (t) => expect(isTimestamp(t)).toBe(true),
  );
  it.each(['2008-09-15T15:53:00.601-00', '2008-09-15T15:53:00.601-0000', '2008-09-15T15:53:00.601-00:00', '01/011/2015', '2013-05-18', '2015-02-29T00:00:00Z', '2013-05-18T05:60:00Z', 'July 04, 1776'])(
    'rejects %s',
    (t) => expect(isTimestamp(t)).toBe(false),
  );
  it('converts to UTC keeping every fractional digit', () => {
    expect(toUtcTimestamp('2013-05-18T05:32:34.8041234+02:00')).toBe('2013-05-18T03:32:34.8041234Z');
    expect(toUtcTimestamp('2008-09-15 15:53:00.601+00:00')).toBe('2008-09-15T15:53:00.601Z');
    expect(toUtcTimestamp('2013-12-31T23:30:00-0100')).toBe('2014-01-01T00:30:00Z');
    expect(toUtcTimestamp('2013-05-18T05:32:34.804')).toBe('2013-05-18T05:32:34.804Z');
    expect(toUtcTimestamp('20130518T053234Z')).toBe('2013-05-18T05:32:34Z');
  });
});

describe('other formats', () => {
  it('takes mbox as a mailto IRI with an address', () => {
    expect(isMbox('mailto:xapi@adlnet.gov')).toBe(true);
    expect(isMbox('mailto:should.fail.com')).toBe(false);
    expect(isMbox('xapi@adlnet.gov')).toBe(false);
  });
  it('takes sha2 as SHA-224/256/384/512 hex', () => {
    for (const n of [56, 64, 96, 128]) expect(isSha2Hex('a'.repeat(n))).toBe(true);
    expect(isSha2Hex('a'.repeat(40))).toBe(false);
    expect(isSha2Hex('g'.repeat(64))).toBe(false);
  });
  it('takes contentType as an Internet media type', () => {
    for (const t of ['text/plain', 'text/plain; charset=ascii', 'application/octet-stream', 'image/svg+xml', 'multipart/mixed; boundary="a b"']) expect(isMediaType(t)).toBe(true);
    for (const t of ['text', 'text/', '/plain', 'text/plain;', 999]) expect(isMediaType(t)).toBe(false);
  });
});
