import { describe, expect, it } from 'vitest';
import { sign, verify } from './sign.ts';

describe('webhook signatures', () => {
  const at = new Date('2026-11-26T12:00:00Z');
  const body = '{"id":"a"}';

  it('verifies what it signed, and nothing altered', () => {
    const header = sign('whsec_test', body, at);
    expect(header).toMatch(/^t=1795694400,v1=[0-9a-f]{64}$/);
    expect(verify('whsec_test', header, body, at)).toBe(true);
    expect(verify('whsec_test', header, '{"id":"b"}', at)).toBe(false);
    expect(verify('whsec_other', header, body, at)).toBe(false);
    expect(verify('whsec_test', header.replace('t=1795694400', 't=1795694401'), body, at)).toBe(false);
    expect(verify('whsec_test', undefined, body, at)).toBe(false);
  });

  it('refuses a replay older than the tolerance', () => {
    const header = sign('whsec_test', body, at);
    expect(verify('whsec_test', header, body, new Date(at.getTime() + 301_000))).toBe(false);
    expect(verify('whsec_test', header, body, new Date(at.getTime() + 299_000))).toBe(true);
  });
});
