import { applyParameters, pathToUrl, resolveReference } from '../package-paths.js';
import { reject } from '../package-rejection.js';
import { readBoolean, readDecimal, readEnum } from './manifest-values.js';
import type {
  CompletionThreshold,
  NavigationControl,
  ScormItem,
  ScormManifest,
  ScormOrganization,
  ScormResource,
  ScormType,
  ScormVersion,
  SequencingDefinition,
  SharedDataMap,
  TimeLimitAction,
} from './scorm-manifest.types.js';
import { ADLSEQ_NS, effectiveSequencing, IMSSS_NS, parseSequencing, type PartialSequencing } from './scorm-sequencing.parse.js';
import { ADLCP_12_NS, ADLCP_2004_NS, ADLNAV_NS, CP_NAMESPACES, detectScormVersion } from './scorm-version.js';
import { attr, childOf, childrenOf, decodeXml, parseXml, XML_NS, type XmlElement } from './xml.js';

export const SCORM_MANIFEST_FILE = 'imsmanifest.xml';

const TIME_LIMIT_ACTIONS: readonly TimeLimitAction[] = ['exit,message', 'exit,no message', 'continue,message', 'continue,no message'];
const NAV_CONTROLS: readonly NavigationControl[] = ['previous', 'continue', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll'];

type Context = {
  file: string;
  cp: string;
  version: ScormVersion;
  adlcp: string;
  manifestBase: string | undefined;
  resources: Map<string, ScormResource>;
  collection: Map<string, PartialSequencing>;
  identifiers: Set<string>;
};

/**
 * Parses and checks an imsmanifest.xml. Structure problems (bad XML, wrong
 * root, no organizations or resources) are MANIFEST_MALFORMED; broken rules
 * inside a sound structure (unknown identifierref, bad values) MANIFEST_INVALID;
 * references that leave the package REFERENCE_OUTSIDE. Whether referenced
 * files exist is checked against the zip separately (manifest-references.ts).
 */
export function parseScormManifest(bytes: Buffer | string, file = SCORM_MANIFEST_FILE): ScormManifest {
  const root = parseXml(typeof bytes === 'string' ? bytes : decodeXml(bytes, file), file);
  if (root.local !== 'manifest' || !CP_NAMESPACES.has(root.ns)) {
    throw reject('MANIFEST_MALFORMED', `${file} must have an IMS Content Packaging <manifest> root element, not <${root.local}>${root.ns ? ` in ${root.ns}` : ''}.`, { file, root: root.local, namespace: root.ns });
  }
  const cp = root.ns;
  const identifier = attr(root, 'identifier')?.trim();
  if (!identifier) throw invalid(file, 'The <manifest> element has no identifier attribute.', { element: 'manifest', attribute: 'identifier' });
  const metadata = childOf(root, cp, 'metadata');
  const schema = metadata ? childOf(metadata, cp, 'schema')?.text : undefined;
  const schemaVersion = metadata ? childOf(metadata, cp, 'schemaversion')?.text : undefined;
  const version = detectScormVersion(root, schemaVersion);
  const ctx: Context = {
    file,
    cp,
    version,
    adlcp: version === 'scorm12' ? ADLCP_12_NS : ADLCP_2004_NS,
    manifestBase: attr(root, 'base', XML_NS),
    resources: new Map(),
    collection: new Map(),
    identifiers: new Set(),
  };

  const resourcesEl = childOf(root, cp, 'resources');
  if (!resourcesEl) throw reject('MANIFEST_MALFORMED', `${file} has no <resources> element.`, { file, missing: 'resources' });
  for (const el of childrenOf(resourcesEl, cp, 'resource')) {
    const resource = parseResource(el, attr(resourcesEl, 'base', XML_NS), ctx);
    if (ctx.resources.has(resource.identifier)) throw invalid(file, `Two resources have the identifier "${resource.identifier}".`, { identifier: resource.identifier });
    ctx.resources.set(resource.identifier, resource);
  }
  for (const resource of ctx.resources.values()) {
    const unknown = resource.dependencies.find((d) => !ctx.resources.has(d));
    if (unknown) throw invalid(file, `Resource "${resource.identifier}" depends on "${unknown}", which is not a resource in the manifest.`, { resource: resource.identifier, identifierref: unknown });
  }

  const sequencingCollection: Record<string, SequencingDefinition> = {};
  const collectionEl = version === 'scorm12' ? undefined : childOf(root, IMSSS_NS, 'sequencingCollection');
  for (const el of collectionEl ? childrenOf(collectionEl, IMSSS_NS, 'sequencing') : []) {
    const id = attr(el, 'ID')?.trim();
    if (!id) throw invalid(file, 'A sequencing element in the sequencingCollection has no ID attribute.', { element: 'imsss:sequencing', attribute: 'ID' });
    const partial = parseSequencing(el, file);
    ctx.collection.set(id, partial);
    sequencingCollection[id] = effectiveSequencing(partial, undefined);
  }

  const organizationsEl = childOf(root, cp, 'organizations');
  if (!organizationsEl) throw reject('MANIFEST_MALFORMED', `${file} has no <organizations> element.`, { file, missing: 'organizations' });
  const organizations = childrenOf(organizationsEl, cp, 'organization').map((el) => parseOrganization(el, ctx));
  if (organizations.length === 0) throw reject('MANIFEST_MALFORMED', `${file} has no <organization>, so there is nothing to launch.`, { file, missing: 'organization' });
  const defaultOrg = attr(organizationsEl, 'default')?.trim();
  if (defaultOrg && !organizations.some((o) => o.identifier === defaultOrg)) {
    throw invalid(file, `The default organization "${defaultOrg}" is not one of the manifest's organizations.`, { default: defaultOrg });
  }
  const manifestVersion = attr(root, 'version')?.trim();
  return {
    version,
    identifier,
    ...(manifestVersion ? { manifestVersion } : {}),
    ...(schema ? { schema } : {}),
    ...(schemaVersion ? { schemaVersion } : {}),
    defaultOrganizationId: defaultOrg || organizations[0]!.identifier,
    organizations,
    resources: [...ctx.resources.values()],
    sequencingCollection,
  };
}

function parseResource(el: XmlElement, resourcesBase: string | undefined, ctx: Context): ScormResource {
  const identifier = attr(el, 'identifier')?.trim();
  if (!identifier) throw invalid(ctx.file, 'A <resource> has no identifier attribute.', { element: 'resource', attribute: 'identifier' });
  const bases = [ctx.manifestBase, resourcesBase, attr(el, 'base', XML_NS)];
  const where = { file: ctx.file, element: `resource "${identifier}"` };
  const href = attr(el, 'href')?.trim();
  const resolved = href ? resolveReference(bases, href, where) : undefined;
  const rawType = adlcpAttr(el, ctx, 'scormType');
  const scormType = readEnum(rawType?.toLowerCase(), ['sco', 'asset'] as const, 'asset', { file: ctx.file, element: `resource "${identifier}"`, attribute: 'adlcp:scormType' }) as ScormType;
  return {
    identifier,
    type: attr(el, 'type')?.trim() ?? 'webcontent',
    scormType,
    ...(resolved ? { href: resolved.path + resolved.suffix } : {}),
    files: childrenOf(el, ctx.cp, 'file').map((f) => {
      const fileHref = attr(f, 'href')?.trim();
      if (!fileHref) throw invalid(ctx.file, `A <file> of resource "${identifier}" has no href.`, { resource: identifier });
      return resolveReference([...bases, attr(f, 'base', XML_NS)], fileHref, where).path;
    }),
    dependencies: childrenOf(el, ctx.cp, 'dependency').map((d) => {
      const ref = attr(d, 'identifierref')?.trim();
      if (!ref) throw invalid(ctx.file, `A <dependency> of resource "${identifier}" has no identifierref.`, { resource: identifier });
      return ref;
    }),
  };
}

function parseOrganization(el: XmlElement, ctx: Context): ScormOrganization {
  const identifier = claimIdentifier(el, 'organization', ctx);
  const items = childrenOf(el, ctx.cp, 'item').map((i) => parseItem(i, ctx));
  if (items.length === 0) throw invalid(ctx.file, `Organization "${identifier}" has no items.`, { organization: identifier });
  const is2004 = ctx.version !== 'scorm12';
  const site = (attribute: string) => ({ file: ctx.file, element: `organization "${identifier}"`, attribute });
  const threshold = is2004 ? completionThreshold(el, ctx, identifier) : undefined;
  return {
    identifier,
    title: childOf(el, ctx.cp, 'title')?.text || identifier,
    structure: attr(el, 'structure')?.trim() || 'hierarchical',
    objectivesGlobalToSystem: readBoolean(attr(el, 'objectivesGlobalToSystem', ADLSEQ_NS), true, site('adlseq:objectivesGlobalToSystem')),
    sharedDataGlobalToSystem: readBoolean(attr(el, 'sharedDataGlobalToSystem', ADLCP_2004_NS), true, site('adlcp:sharedDataGlobalToSystem')),
    items,
    ...(is2004 ? sequencingOf(el, ctx, identifier) : {}),
    ...(threshold ? { completionThreshold: threshold } : {}),
  };
}

function parseItem(el: XmlElement, ctx: Context): ScormItem {
  const identifier = claimIdentifier(el, 'item', ctx);
  const children = childrenOf(el, ctx.cp, 'item').map((i) => parseItem(i, ctx));
  const identifierRef = attr(el, 'identifierref')?.trim() || undefined;
  const parameters = attr(el, 'parameters') || undefined;
  const site = (attribute: string) => ({ file: ctx.file, element: `item "${identifier}"`, attribute });
  const item: ScormItem = {
    identifier,
    title: childOf(el, ctx.cp, 'title')?.text || identifier,
    isVisible: readBoolean(attr(el, 'isvisible'), true, site('isvisible')),
    ...(identifierRef ? { identifierRef } : {}),
    ...(parameters ? { parameters } : {}),
    children,
    sharedData: [],
  };
  if (identifierRef) {
    const resource = ctx.resources.get(identifierRef);
    if (!resource) throw invalid(ctx.file, `Item "${identifier}" refers to the resource "${identifierRef}", which is not in the manifest.`, { item: identifier, identifierref: identifierRef });
    if (children.length === 0) {
      if (!resource.href) throw invalid(ctx.file, `Item "${identifier}" launches resource "${identifierRef}", which has no href.`, { item: identifier, identifierref: identifierRef });
      const cut = resource.href.search(/[?#]/);
      const path = cut < 0 ? resource.href : resource.href.slice(0, cut);
      const suffix = cut < 0 ? '' : resource.href.slice(cut);
      item.launch = { resourceIdentifier: identifierRef, scormType: resource.scormType, path, url: applyParameters(pathToUrl(path) + suffix, parameters) };
    }
  } else if (children.length === 0) {
    throw invalid(ctx.file, `Item "${identifier}" has neither child items nor a resource to launch.`, { item: identifier });
  }

  const text = (local: string) => adlcpChild(el, ctx, local)?.text || undefined;
  const timeLimitAction = readEnum(text('timeLimitAction'), TIME_LIMIT_ACTIONS, undefined, site('adlcp:timeLimitAction'));
  const dataFromLms = text('dataFromLMS');
  if (timeLimitAction) item.timeLimitAction = timeLimitAction;
  if (dataFromLms) item.dataFromLms = dataFromLms;

  if (ctx.version === 'scorm12') {
    const mastery = readDecimal(text('masteryScore'), undefined, site('adlcp:masteryscore'), { min: 0, max: 100 });
    if (mastery !== undefined) item.masteryScore = mastery;
    const prerequisites = adlcpChild(el, ctx, 'prerequisites');
    if (prerequisites?.text) item.prerequisites = { script: prerequisites.text, type: attr(prerequisites, 'type')?.trim() || 'aicc_script' };
    const maxTime = text('maxTimeAllowed');
    if (maxTime) item.maxTimeAllowed = maxTime;
    return item;
  }

  const threshold = completionThreshold(el, ctx, identifier);
  if (threshold) item.completionThreshold = threshold;
  const data = childOf(el, ADLCP_2004_NS, 'data');
  item.sharedData = data ? childrenOf(data, ADLCP_2004_NS, 'map').map((m) => sharedDataMap(m, ctx, identifier)) : [];
  Object.assign(item, sequencingOf(el, ctx, identifier));
  const presentation = childOf(el, ADLNAV_NS, 'presentation');
  if (presentation) {
    const nav = childOf(presentation, ADLNAV_NS, 'navigationInterface');
    item.presentation = {
      hideLmsUi: (nav ? childrenOf(nav, ADLNAV_NS, 'hideLMSUI') : []).map((h) => readEnum(h.text, NAV_CONTROLS, undefined, site('adlnav:hideLMSUI'))!),
    };
  }
  return item;
}

function sequencingOf(el: XmlElement, ctx: Context, owner: string): { sequencing: SequencingDefinition; sequencingIdRef?: string } {
  const seq = childOf(el, IMSSS_NS, 'sequencing');
  if (!seq) return { sequencing: effectiveSequencing(undefined, undefined) };
  const idRef = attr(seq, 'IDRef')?.trim();
  const referenced = idRef ? ctx.collection.get(idRef) : undefined;
  if (idRef && !referenced) throw invalid(ctx.file, `"${owner}" refers to the sequencing "${idRef}", which is not in the sequencingCollection.`, { owner, IDRef: idRef });
  return { sequencing: effectiveSequencing(parseSequencing(seq, ctx.file), referenced), ...(idRef ? { sequencingIdRef: idRef } : {}) };
}

function completionThreshold(el: XmlElement, ctx: Context, owner: string): CompletionThreshold | undefined {
  const ct = childOf(el, ADLCP_2004_NS, 'completionThreshold');
  if (!ct) return undefined;
  const site = (attribute: string) => ({ file: ctx.file, element: `adlcp:completionThreshold of "${owner}"`, attribute });
  // 3rd edition: the threshold is the element's value; 4th: attributes.
  const minProgress = attr(ct, 'minProgressMeasure') ?? (ct.text || undefined);
  return {
    completedByMeasure: readBoolean(attr(ct, 'completedByMeasure'), false, site('completedByMeasure')),
    minProgressMeasure: readDecimal(minProgress, 1, site('minProgressMeasure'), { min: 0, max: 1 }),
    progressWeight: readDecimal(attr(ct, 'progressWeight'), 1, site('progressWeight'), { min: 0, max: 1 }),
  };
}

function sharedDataMap(el: XmlElement, ctx: Context, owner: string): SharedDataMap {
  const site = (attribute: string) => ({ file: ctx.file, element: `adlcp:map of "${owner}"`, attribute });
  const targetId = attr(el, 'targetID')?.trim();
  if (!targetId) throw invalid(ctx.file, `An adlcp:map of item "${owner}" has no targetID.`, { item: owner });
  return {
    targetId,
    readSharedData: readBoolean(attr(el, 'readSharedData'), true, site('readSharedData')),
    // adlcp_v1p3.xsd: both default to true (ADL's DMI package relies on it).
    writeSharedData: readBoolean(attr(el, 'writeSharedData'), true, site('writeSharedData')),
  };
}

/** Identifiers are xs:ID (unique in the document); activity ids are built from them, so duplicates are refused. */
function claimIdentifier(el: XmlElement, kind: string, ctx: Context): string {
  const identifier = attr(el, 'identifier')?.trim();
  if (!identifier) throw invalid(ctx.file, `An <${kind}> has no identifier attribute.`, { element: kind, attribute: 'identifier' });
  if (ctx.identifiers.has(identifier)) throw invalid(ctx.file, `Two organizations or items have the identifier "${identifier}".`, { identifier });
  ctx.identifiers.add(identifier);
  return identifier;
}

// SCORM 1.2 spells ADL names in lower case (scormtype, masteryscore) and 2004
// in camel case (scormType, dataFromLMS); tools mix them up, so match either.
function adlcpChild(el: XmlElement, ctx: Context, local: string): XmlElement | undefined {
  const want = local.toLowerCase();
  return el.children.find((c) => c.ns === ctx.adlcp && c.local.toLowerCase() === want);
}

function adlcpAttr(el: XmlElement, ctx: Context, local: string): string | undefined {
  const want = `{${ctx.adlcp}}${local}`.toLowerCase();
  for (const [key, value] of el.attrs) if (key.toLowerCase() === want) return value.trim();
  return undefined;
}

function invalid(file: string, message: string, details: Record<string, unknown>) {
  return reject('MANIFEST_INVALID', `${file}: ${message}`, { file, ...details });
}
