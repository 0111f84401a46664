import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { reject } from '../package-rejection.js';

// A small namespace-aware element tree over fast-xml-parser. Manifests use
// whatever prefixes their authoring tool picked (adlcp:, ADLCP:, ns1:…), so
// every element and attribute is matched by namespace URI + local name.

export type XmlElement = {
  /** Namespace URI ('' when none). */
  ns: string;
  local: string;
  /** Attributes by `{uri}local` (or plain `local` when unqualified). */
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
};

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Only the five predefined entities and character references: DTD entity
  // declarations are refused before parsing (no "billion laughs", no XXE).
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: 200,
});

/** Decodes the bytes by BOM or the XML declaration's encoding (UTF-8 when neither says). */
export function decodeXml(bytes: Buffer, fileName: string): string {
  if (bytes.length > MAX_MANIFEST_BYTES) throw reject('MANIFEST_MALFORMED', `${fileName} is larger than ${MAX_MANIFEST_BYTES / 1024 / 1024} MiB.`, { file: fileName });
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    const head = bytes.subarray(0, 200).toString('latin1');
    const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1]?.toLowerCase();
    const text = new TextDecoder(declared ?? 'utf-8', { fatal: true }).decode(bytes);
    return text.replace(/^\uFEFF/, '');
  } catch {
    throw reject('MANIFEST_MALFORMED', `${fileName} is not readable text in the encoding it declares.`, { file: fileName });
  }
}

type RawNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses and checks well-formedness; returns the root element with namespaces resolved. */
export function parseXml(text: string, fileName: string): XmlElement {
  if (/<!ENTITY/i.test(text)) throw reject('MANIFEST_MALFORMED', `${fileName} declares DTD entities, which are not allowed.`, { file: fileName });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw reject('MANIFEST_MALFORMED', `${fileName} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`, { file: fileName, line: valid.err.line, column: valid.err.col });
  }
  let nodes: RawNode[];
  try {
    nodes = parser.parse(text) as RawNode[];
  } catch (err) {
    throw reject('MANIFEST_MALFORMED', `${fileName} could not be parsed: ${(err as Error).message}`, { file: fileName });
  }
  const roots = nodes.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw reject('MANIFEST_MALFORMED', `${fileName} must have exactly one root element.`, { file: fileName });
  return toElement(roots[0]!, new Map([['xml', XML_NS]]), fileName);
}

function elementName(node: RawNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && !k.startsWith('?') && !k.startsWith('!'));
}

function toElement(node: RawNode, inherited: Map<string, string>, fileName: string): XmlElement {
  const qname = elementName(node)!;
  const rawAttrs = node[':@'] ?? {};
  const scope = new Map(inherited);
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns') scope.set('', value);
    else if (name.startsWith('xmlns:')) scope.set(name.slice(6), value);
  }
  const resolve = (q: string, isAttribute: boolean) => {
    const colon = q.indexOf(':');
    if (colon < 0) return { ns: isAttribute ? '' : (scope.get('') ?? ''), local: q };
    const prefix = q.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined) throw reject('MANIFEST_MALFORMED', `${fileName} uses the undeclared namespace prefix "${prefix}".`, { file: fileName });
    return { ns, local: q.slice(colon + 1) };
  };
  const attrs = new Map<string, string>();
  for (const [name, value] of Object.entries(rawAttrs)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    const { ns, local } = resolve(name, true);
    attrs.set(ns ? `{${ns}}${local}` : local, String(value));
  }
  const { ns, local } = resolve(qname, false);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qname] as RawNode[]) ?? []) {
    if ('#text' in child) text += String(child['#text']);
    else if (elementName(child) !== undefined) children.push(toElement(child, scope, fileName));
  }
  return { ns, local, attrs, children, text: text.trim() };
}

// ---- reading helpers

export const childrenOf = (el: XmlElement, ns: string, local: string) => el.children.filter((c) => c.local === local && c.ns === ns);
export const childOf = (el: XmlElement, ns: string, local: string) => el.children.find((c) => c.local === local && c.ns === ns);
export const attr = (el: XmlElement, local: string, ns = '') => el.attrs.get(ns ? `{${ns}}${local}` : local);
