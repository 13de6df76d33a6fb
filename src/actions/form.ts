import { z } from 'astro/zod';

/**
 * A form text field: always a string afterwards. Astro passes an empty field as null, so null
 * and missing both become ''. Length rules live in the domain checks, which word the message.
 */
export const field = () =>
  z
    .string()
    .nullish()
    .transform((value) => value ?? '');
