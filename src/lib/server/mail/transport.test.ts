import { describe, expect, it } from 'vitest';
import { classifySendError } from './transport.ts';

describe('send errors', () => {
  it('are permanent only when the server refused the message for good', () => {
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 550, message: 'No such user' })).toEqual({
      permanent: true,
      summary: 'EENVELOPE: No such user',
    });
    expect(classifySendError({ code: 'EENVELOPE', responseCode: 451, message: 'Try later' }).permanent).toBe(
      false,
    );
    expect(
      classifySendError({ code: 'EPROTOCOL', responseCode: 503, message: 'Bad sequence' }).permanent,
    ).toBe(false);
    expect(classifySendError({ code: 'ECONNECTION', message: 'Connection refused' }).permanent).toBe(false);
    expect(classifySendError({ code: 'ETIMEDOUT', message: 'Timeout' }).permanent).toBe(false);
    // Wrong credentials are the site's problem, not the message's: it goes once they are fixed.
    expect(
      classifySendError({ code: 'EAUTH', responseCode: 535, permanent: true, message: 'Bad login' })
        .permanent,
    ).toBe(false);
    expect(classifySendError(new Error('boom')).summary).toBe('boom');
  });
});
