import { describe, expect, it } from 'vitest';
import { createLinkToken, linkSecretMatches, parseLinkToken } from './link-token.ts';

describe('link tokens', () => {
  it('store only a hash that matches the secret in the link', () => {
    const link = createLinkToken();
    const parts = parseLinkToken(link.token);
    expect(parts?.id).toBe(link.id);
    expect(link.token).not.toContain(link.hash.toString('hex'));
    expect(linkSecretMatches(parts!.secret, new Uint8Array(link.hash))).toBe(true);
    expect(linkSecretMatches(createLinkToken().token.split('.')[1]!, new Uint8Array(link.hash))).toBe(false);
  });

  it('are unique and refuse malformed input', () => {
    expect(createLinkToken().token).not.toBe(createLinkToken().token);
    expect(parseLinkToken('short')).toBeNull();
    expect(parseLinkToken(`${'a'.repeat(24)}.${'l'.repeat(24)}`)).toBeNull();
  });
});
