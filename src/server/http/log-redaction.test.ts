import { describe, expect, it } from 'vitest';
import { redactUrl } from './log-redaction.js';

describe('request log redaction', () => {
  it('hides assessment keys and token parameters, and leaves other URLs alone', () => {
    expect(redactUrl('/api/v1/assessments/AbC_123-xyz/answers')).toBe('/api/v1/assessments/[redacted]/answers');
    expect(redactUrl('/api/v1/assessments/ABCD-EFGH?lang=sv')).toBe('/api/v1/assessments/[redacted]?lang=sv');
    expect(redactUrl('/reset-password?token=secret&x=1')).toBe('/reset-password?token=[redacted]&x=1');
    expect(redactUrl('/api/v1/municipalities/1/people?q=token')).toBe('/api/v1/municipalities/1/people?q=token');
  });
});
