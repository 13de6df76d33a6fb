/** Free text an admin gives as the reason for a change: one line, at most 500 characters. */
export function cleanReason(value: string | null | undefined): string | null {
  const text = (value ?? '').normalize('NFC').replace(/\s+/gu, ' ').trim();
  return text ? [...text].slice(0, 500).join('') : null;
}
