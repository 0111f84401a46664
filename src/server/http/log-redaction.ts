/** Assessment links and reset tokens are bearer keys: they must never reach the logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/api\/v1\/assessments\/)[^/?]+/, '$1[redacted]').replace(/([?&]token=)[^&#]+/g, '$1[redacted]');
}

export function redactedRequest(req: { method: string; url: string; id: string }) {
  return { id: req.id, method: req.method, url: redactUrl(req.url) };
}
