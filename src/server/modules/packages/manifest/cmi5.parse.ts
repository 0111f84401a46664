import { pathToUrl, resolveReference } from '../package-paths.js';
import { reject } from '../package-rejection.js';
import { readDecimal, readEnum } from './manifest-values.js';
import type { Cmi5Au, Cmi5Block, Cmi5CourseStructure, Cmi5LaunchMethod, Cmi5MoveOn, Cmi5Node, Cmi5Objective, Cmi5Text } from './cmi5.types.js';
import { attr, childOf, childrenOf, decodeXml, parseXml, XML_NS, type XmlElement } from './xml.js';

export const CMI5_MANIFEST_FILE = 'cmi5.xml';
/** The namespace of the current spec and of the first (Sandstone) edition. */
export const CMI5_NAMESPACES = ['https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd', 'http://www.adlnet.gov/cmi5/CourseStructure.xsd'];
const MOVE_ON: readonly Cmi5MoveOn[] = ['NotApplicable', 'Passed', 'Completed', 'CompletedAndPassed', 'CompletedOrPassed'];
const LAUNCH_METHODS: readonly Cmi5LaunchMethod[] = ['AnyWindow', 'OwnWindow'];

type Context = { file: string; ns: string; ids: Set<string>; objectiveIds: Set<string> };

/** Parses and validates cmi5.xml against the course structure rules of the cmi5 specification (section 13). */
export function parseCmi5(bytes: Buffer | string, file = CMI5_MANIFEST_FILE): Cmi5CourseStructure {
  const root = parseXml(typeof bytes === 'string' ? bytes : decodeXml(bytes, file), file);
  if (root.local !== 'courseStructure' || !CMI5_NAMESPACES.includes(root.ns)) {
    throw reject('MANIFEST_MALFORMED', `${file} must have a cmi5 <courseStructure> root element in the namespace ${CMI5_NAMESPACES[0]}.`, { file, root: root.local, namespace: root.ns });
  }
  const ctx: Context = { file, ns: root.ns, ids: new Set(), objectiveIds: new Set() };
  const courseEl = childOf(root, ctx.ns, 'course');
  if (!courseEl) throw reject('MANIFEST_MALFORMED', `${file} has no <course> element.`, { file, missing: 'course' });
  const course = { id: claimId(courseEl, 'course', ctx), title: text(courseEl, 'title', 'course', ctx), description: text(courseEl, 'description', 'course', ctx) };

  const objectivesEl = childOf(root, ctx.ns, 'objectives');
  const objectives: Cmi5Objective[] = (objectivesEl ? childrenOf(objectivesEl, ctx.ns, 'objective') : []).map((o) => {
    const id = iri(attr(o, 'id'), 'objective', 'id', ctx);
    if (ctx.objectiveIds.has(id)) throw invalid(ctx, `Two objectives have the id "${id}".`, { id });
    ctx.objectiveIds.add(id);
    return { id, title: text(o, 'title', `objective "${id}"`, ctx), description: text(o, 'description', `objective "${id}"`, ctx) };
  });

  const children = nodesOf(root, ctx);
  if (children.length === 0) throw reject('MANIFEST_MALFORMED', `${file} has no <au> or <block>, so there is nothing to launch.`, { file, missing: 'au' });
  return { course, objectives, children };
}

/** The names a cmi5 launch adds to the AU's query string (cmi5 8.1): an AU's own url must not use them. */
export const CMI5_LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'] as const;

/** Every AU of the structure, depth first in document order. */
export function cmi5Aus(structure: Cmi5CourseStructure): Cmi5Au[] {
  const out: Cmi5Au[] = [];
  const walk = (nodes: Cmi5Node[]) => nodes.forEach((n) => (n.kind === 'au' ? out.push(n) : walk(n.children)));
  walk(structure.children);
  return out;
}

function nodesOf(el: XmlElement, ctx: Context): Cmi5Node[] {
  return el.children
    .filter((c) => c.ns === ctx.ns && (c.local === 'au' || c.local === 'block'))
    .map((c) => (c.local === 'au' ? parseAu(c, ctx) : parseBlock(c, ctx)));
}

function parseBlock(el: XmlElement, ctx: Context): Cmi5Block {
  const id = claimId(el, 'block', ctx);
  const what = `block "${id}"`;
  const block: Cmi5Block = { kind: 'block', id, title: text(el, 'title', what, ctx), description: text(el, 'description', what, ctx), objectives: objectiveRefs(el, what, ctx), children: nodesOf(el, ctx) };
  if (block.children.length === 0) throw invalid(ctx, `Block "${id}" contains no AU or block.`, { block: id });
  return block;
}

function parseAu(el: XmlElement, ctx: Context): Cmi5Au {
  const id = claimId(el, 'au', ctx);
  const what = `AU "${id}"`;
  const site = (attribute: string) => ({ file: ctx.file, element: what, attribute });
  const url = childOf(el, ctx.ns, 'url')?.text;
  if (!url) throw invalid(ctx, `${what} has no <url>.`, { au: id, missing: 'url' });
  const activityType = attr(el, 'activityType')?.trim();
  const masteryScore = readDecimal(attr(el, 'masteryScore'), undefined, site('masteryScore'), { min: 0, max: 1 });
  const launchParameters = childOf(el, ctx.ns, 'launchParameters')?.text;
  const entitlementKey = childOf(el, ctx.ns, 'entitlementKey')?.text;
  return {
    kind: 'au',
    id,
    title: text(el, 'title', what, ctx),
    description: text(el, 'description', what, ctx),
    objectives: objectiveRefs(el, what, ctx),
    url,
    launch: launchOf(url, attr(el, 'base', XML_NS), what, ctx),
    moveOn: readEnum(attr(el, 'moveOn'), MOVE_ON, 'NotApplicable', site('moveOn')),
    ...(masteryScore === undefined ? {} : { masteryScore }),
    launchMethod: readEnum(attr(el, 'launchMethod'), LAUNCH_METHODS, 'AnyWindow', site('launchMethod')),
    ...(launchParameters ? { launchParameters } : {}),
    ...(entitlementKey ? { entitlementKey } : {}),
    ...(activityType ? { activityType: iri(activityType, what, 'activityType', ctx) } : {}),
  };
}

/** Spec 14.1: media in the zip use relative URLs, media elsewhere fully qualified ones. */
function launchOf(url: string, base: string | undefined, what: string, ctx: Context): Cmi5Au['launch'] {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      return { external: true, url: new URL(url).href };
    } catch {
      throw invalid(ctx, `${what} has the malformed url "${url}".`, { url });
    }
  }
  if (scheme && !/^[A-Za-z]:[\\/]/.test(url)) throw invalid(ctx, `${what} has the url "${url}"; an AU url is either relative to the package or an http(s) address.`, { url });
  const resolved = resolveReference([base], url, { file: ctx.file, element: what });
  return { external: false, path: resolved.path, url: pathToUrl(resolved.path) + resolved.suffix };
}

function objectiveRefs(el: XmlElement, what: string, ctx: Context): string[] {
  const objectives = childOf(el, ctx.ns, 'objectives');
  return (objectives ? childrenOf(objectives, ctx.ns, 'objective') : []).map((o) => {
    const ref = attr(o, 'idref')?.trim();
    if (!ref || !ctx.objectiveIds.has(ref)) throw invalid(ctx, `${what} refers to the objective "${ref ?? ''}", which the course does not declare.`, { idref: ref ?? null });
    return ref;
  });
}

function text(el: XmlElement, local: 'title' | 'description', what: string, ctx: Context): Cmi5Text {
  const holder = childOf(el, ctx.ns, local);
  const strings = holder ? childrenOf(holder, ctx.ns, 'langstring') : [];
  if (!holder || strings.length === 0) throw invalid(ctx, `${what} needs a <${local}> with at least one <langstring>.`, { element: what, missing: local });
  return strings.map((s) => {
    const lang = attr(s, 'lang')?.trim();
    return { ...(lang ? { lang } : {}), value: s.text };
  });
}

/** Course, block and AU ids are IRIs that must be unique in the structure (they become xAPI activity ids). */
function claimId(el: XmlElement, kind: string, ctx: Context): string {
  const id = iri(attr(el, 'id'), kind, 'id', ctx);
  if (ctx.ids.has(id)) throw invalid(ctx, `Two elements of the course structure have the id "${id}".`, { id });
  ctx.ids.add(id);
  return id;
}

/** An absolute IRI: a scheme, then no white space or characters IRIs exclude. */
function iri(value: string | undefined, element: string, attribute: string, ctx: Context): string {
  const v = value?.trim();
  if (!v) throw invalid(ctx, `A <${element}> has no ${attribute} attribute.`, { element, attribute });
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/.test(v)) {
    throw invalid(ctx, `${element} has ${attribute}="${v}", which is not an absolute IRI (such as https://example.org/courses/1).`, { element, attribute, value: v });
  }
  return v;
}

function invalid(ctx: Context, message: string, details: Record<string, unknown>) {
  return reject('MANIFEST_INVALID', `${ctx.file}: ${message}`, { file: ctx.file, ...details });
}
