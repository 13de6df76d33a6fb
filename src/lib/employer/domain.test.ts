import { describe, expect, it } from 'vitest';
import { emailDomain, normaliseDomain } from './domain.ts';

describe('verified domains', () => {
  it('read a domain however the admin typed it', () => {
    for (const typed of [
      'cahaya.com.my',
      '@Cahaya.COM.my',
      'https://www.cahaya.com.my/about',
      'hr@cahaya.com.my',
      'cahaya.com.my.',
    ])
      expect(normaliseDomain(typed), typed).toEqual({ domain: 'cahaya.com.my' });
  });

  it('refuse public email services, where anyone could join', () => {
    for (const typed of ['gmail.com', 'Yahoo.com.my', '@hotmail.com', 'outlook.com'])
      expect(normaliseDomain(typed), typed).toEqual({ problem: 'public' });
  });

  it('refuse what is not a domain', () => {
    expect(normaliseDomain('  ')).toEqual({ problem: 'required' });
    for (const typed of ['localhost', 'cahaya', 'cahaya .com', 'cahaya.c', '-x.com', 'a'.repeat(64) + '.com'])
      expect(normaliseDomain(typed), typed).toEqual({ problem: 'invalid' });
  });

  it('take the domain of an address', () => {
    expect(emailDomain('siti@cahaya.com.my')).toBe('cahaya.com.my');
  });
});
