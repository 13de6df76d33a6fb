import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '#src/lib/server/app.ts';
import {
  issueByException,
  issueCertificates,
  reissueCertificate,
  revokeCertificate,
} from '#src/lib/server/certificate/issue.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { parseLanguageChoice } from '#src/lib/certificate/language.ts';
import { requireActionUser, requireRecentActionAuthentication } from '#src/lib/server/account/guard.ts';
import { field } from './form.ts';

/**
 * The admin certificate desk. Each handler checks the admin role (and the domain function checks
 * again); results are unions the desk pages render, with what was typed kept on refusal.
 */
export const certificates = {
  /**
   * Issues the checked `item`s (`<userId>:<courseId>`) in the chosen `language` (blank: each
   * holder's); the desk's script sends them in batches.
   */
  issue: defineAction({
    accept: 'form',
    input: z.object({ item: z.array(z.string()).default([]), language: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      return issueCertificates(
        await getDb(),
        await getCatalogue(),
        user,
        input.item,
        Date.now(),
        parseLanguageChoice(input.language),
      );
    },
  }),

  revoke: defineAction({
    accept: 'form',
    /** `confirm=yes` comes from the confirmation step; without it nothing is revoked yet. */
    input: z.object({ id: field(), reason: field(), confirm: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'admin');
      requireRecentActionAuthentication(context);
      const result = await revokeCertificate(
        await getDb(),
        user,
        { id: input.id, reason: input.reason, confirmed: input.confirm === 'yes' },
        Date.now(),
      );
      return { ...result, values: { reason: input.reason.slice(0, 2000) } };
    },
  }),

  reissue: defineAction({
    accept: 'form',
    input: z.object({ id: field(), holderName: field(), reason: field(), language: field() }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'admin');
      const result = await reissueCertificate(await getDb(), user, input, Date.now(), await getCatalogue());
      return {
        ...result,
        values: {
          holderName: input.holderName.slice(0, 500),
          reason: input.reason.slice(0, 2000),
          language: input.language.slice(0, 10),
        },
      };
    },
  }),

  exception: defineAction({
    accept: 'form',
    input: z.object({
      email: field(),
      courseId: field(),
      holderName: field(),
      reason: field(),
      language: field(),
    }),
    handler: async (input, context) => {
      const user = requireActionUser(context, 'admin');
      const result = await issueByException(await getDb(), await getCatalogue(), user, input, Date.now());
      return {
        ...result,
        values: {
          email: input.email.slice(0, 300),
          courseId: input.courseId.slice(0, 100),
          holderName: input.holderName.slice(0, 500),
          reason: input.reason.slice(0, 2000),
          language: input.language.slice(0, 10),
        },
      };
    },
  }),
};
