import type { ScormVersion } from './scorm-manifest.types.js';
import type { XmlElement } from './xml.js';

export const CP_NAMESPACES = new Set(['http://www.imsproject.org/xsd/imscp_rootv1p1p2', 'http://www.imsglobal.org/xsd/imscp_v1p1', '']);
export const ADLCP_12_NS = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
export const ADLCP_2004_NS = 'http://www.adlnet.org/xsd/adlcp_v1p3';
export const ADLNAV_NS = 'http://www.adlnet.org/xsd/adlnav_v1p3';
const ADLSEQ_NS = 'http://www.adlnet.org/xsd/adlseq_v1p3';
const IMSSS_NS = 'http://www.imsglobal.org/xsd/imsss';

/**
 * The SCORM version: metadata/schemaversion when it names one (the CAM says it
 * must), otherwise the ADL namespaces in use; 4th edition-only elements
 * (adlcp:data, adlseq:objectives, completionThreshold attributes) tell 4th from 3rd.
 */
export function detectScormVersion(root: XmlElement, schemaVersion: string | undefined): ScormVersion {
  const declared = schemaVersion?.toLowerCase().replace(/\s+/g, ' ').trim();
  if (declared === '1.2') return 'scorm12';
  if (declared === 'cam 1.3' || declared === '2004 2nd edition') return 'scorm2004_2nd';
  if (declared === '2004 3rd edition') return 'scorm2004_3rd';
  if (declared === '2004 4th edition') return 'scorm2004_4th';

  const used = new Set<string>();
  let fourthOnly = false;
  const walk = (el: XmlElement) => {
    used.add(el.ns);
    for (const key of el.attrs.keys()) if (key.startsWith('{')) used.add(key.slice(1, key.indexOf('}')));
    if (el.ns === ADLCP_2004_NS && el.local === 'data') fourthOnly = true;
    if (el.ns === ADLSEQ_NS && el.local === 'objectives') fourthOnly = true;
    if (el.ns === ADLCP_2004_NS && el.local === 'completionThreshold' && el.attrs.size > 0) fourthOnly = true;
    el.children.forEach(walk);
  };
  walk(root);
  if ([ADLCP_2004_NS, IMSSS_NS, ADLSEQ_NS, ADLNAV_NS].some((ns) => used.has(ns))) return fourthOnly ? 'scorm2004_4th' : 'scorm2004_3rd';
  // ADL's 1.2 namespace, or a plain IMS content package (treated as 1.2 assets and SCOs).
  return 'scorm12';
}
