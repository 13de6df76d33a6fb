import { z } from 'astro/zod';

/** A form text field: always a string, missing means empty. Length rules live in the domain checks. */
export const field = () => z.string().optional().default('');
