import { describe, expect, it } from 'vitest';
import { addressBucket } from './address-bucket.ts';

describe('the address throttles count against', () => {
  it('is an IPv4 address itself', () => {
    expect(addressBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(addressBucket(' 198.51.100.1 ')).toBe('198.51.100.1');
  });

  it('is the /64 of an IPv6 address, however it is written', () => {
    const bucket = '2001:db8:a:b::/64';
    expect(addressBucket('2001:db8:a:b::1')).toBe(bucket);
    expect(addressBucket('2001:0db8:000a:000b:ffff:1:2:3')).toBe(bucket);
    expect(addressBucket('2001:DB8:A:B:0:0:0:9')).toBe(bucket);
    expect(addressBucket('2001:db8:a:b::1%eth0')).toBe(bucket);
    // Another /64 of the same provider is another client.
    expect(addressBucket('2001:db8:a:c::1')).toBe('2001:db8:a:c::/64');
    expect(addressBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
  });

  it('is the IPv4 address of an IPv4-mapped IPv6 address', () => {
    expect(addressBucket('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(addressBucket('::ffff:c000:201')).toBe('192.0.2.1');
  });

  it('leaves what is not an address as it is, so it still counts as one client', () => {
    for (const odd of ['unknown', '1:2:3', '1::2::3', '1:2:3:4:5:6:7:8:9', '::ffff:1.2.3.999', 'g::1'])
      expect(addressBucket(odd)).toBe(odd);
  });
});
