import { describe, expect, it } from 'vitest';
import { addressFromForwardedFor } from './forwarded-for.ts';

describe('X-Forwarded-For', () => {
  it('takes the address the nearest proxy appended, not the one the client claims', () => {
    expect(addressFromForwardedFor('6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(addressFromForwardedFor('2001:db8::1')).toBe('2001:db8::1');
  });

  it('ignores empty and malformed values', () => {
    expect(addressFromForwardedFor(null)).toBeNull();
    expect(addressFromForwardedFor('')).toBeNull();
    expect(addressFromForwardedFor('1.2.3.4, <script>')).toBeNull();
    expect(addressFromForwardedFor('x'.repeat(500))).toBeNull();
  });
});
