import type { AppDeps } from '../../../http/context.js';
import type { LrsAuth } from '../lrs-auth.js';
import type { XapiVersion } from './version.js';

export type XapiMethod = 'GET' | 'HEAD' | 'PUT' | 'POST' | 'DELETE';

/**
 * One xAPI request after transport details are settled: the alternate request
 * syntax (1.0.3) is unfolded into a normal request, the version negotiated and
 * the credential verified. Resource handlers see only this.
 */
export type XapiRequest = {
  method: XapiMethod;
  /** Query (or, in the alternate syntax, form) parameters; each at most once. */
  params: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  body: Buffer | undefined;
  /** The media type without parameters, lower-cased (e.g. 'application/json'). */
  contentType: string | undefined;
  /** The full Content-Type header (multipart needs its boundary). */
  contentTypeHeader: string | undefined;
  auth: LrsAuth;
  version: XapiVersion;
};

export type XapiResponse = {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; Buffers and strings as they are. */
  body?: unknown;
};

export type XapiHandler = (deps: AppDeps, request: XapiRequest) => Promise<XapiResponse>;

/** A resource answers the methods it knows; others get 405. */
export type XapiResource = Partial<Record<XapiMethod, XapiHandler>>;
