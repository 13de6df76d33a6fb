import { describe, expect, it } from 'vitest';
import { readUnsubscribeToken, signUnsubscribeToken } from './unsubscribe.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);

describe('unsubscribe tokens', () => {
  it('name the person and the kind of message they were signed for', () => {
    const token = signUnsubscribeToken(key, 'mkkfdhsxgsas5dic', 'reminders');
    expect(readUnsubscribeToken(key, token)).toEqual({ userId: 'mkkfdhsxgsas5dic', topic: 'reminders' });
  });

  it('refuse anything changed, signed with another key, or malformed', () => {
    const token = signUnsubscribeToken(key, 'mkkfdhsxgsas5dic', 'reminders');
    const [userId, , mac] = token.split('.');
    expect(readUnsubscribeToken(otherKey, token)).toBeNull();
    expect(readUnsubscribeToken(key, `${userId}.nudges.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(key, `aaaaaaaaaaaaaaaa.reminders.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(key, `${token}x`)).toBeNull();
    expect(readUnsubscribeToken(key, `${userId}.security.${mac}`)).toBeNull();
    expect(readUnsubscribeToken(key, '')).toBeNull();
    expect(readUnsubscribeToken(key, 'x'.repeat(500))).toBeNull();
  });
});
