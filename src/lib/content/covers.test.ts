import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coverHref } from './covers.ts';

describe('coverHref', () => {
  it('points every id at a file that exists, with a default for the rest', () => {
    for (const id of ['rtw-coordinator', 'mental-health', 'sup-welcoming-back', 'a-new-module']) {
      expect(existsSync(join(process.cwd(), 'public', coverHref(id)))).toBe(true);
    }
    expect(coverHref('a-new-module')).toBe('/images/covers/default.svg');
  });
});
