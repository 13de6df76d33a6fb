const addressPattern = /^[0-9a-fA-F:.]{2,45}$/;

/** The last (proxy-appended) address in an X-Forwarded-For header, or null when malformed. */
export function addressFromForwardedFor(header: string | null): string | null {
  if (!header) return null;
  const last = header.split(',').at(-1)?.trim() ?? '';
  return addressPattern.test(last) ? last : null;
}
