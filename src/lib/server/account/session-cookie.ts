import type { AstroCookies } from 'astro';

/** Cookie name: `__Host-` needs Secure, path=/ and no Domain, which is what we send. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-rtw_session' : 'rtw_session';
}

export function setSessionCookie(
  cookies: AstroCookies,
  token: string,
  expiresAt: number,
  secure: boolean,
): void {
  cookies.set(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function deleteSessionCookie(cookies: AstroCookies, secure: boolean): void {
  cookies.set(sessionCookieName(secure), '', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: 0,
  });
}

export const LOCALE_COOKIE = 'rtw_lang';

/** The known-device cookie (known-device.ts): long-lived, HttpOnly, `__Host-` when secure. */
export function deviceCookieName(secure: boolean): string {
  return secure ? '__Host-rtw_device' : 'rtw_device';
}

export function setDeviceCookie(
  cookies: AstroCookies,
  token: string,
  expiresAt: number,
  secure: boolean,
): void {
  cookies.set(deviceCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}
