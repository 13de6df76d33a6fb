import { defineAction } from 'astro:actions';
import { z } from 'astro/zod';
import { getDb } from '#src/lib/server/app.ts';
import { completePasswordReset } from '#src/lib/server/account/password-reset.ts';
import { clientAddressOf } from '#src/lib/server/http/client-address.ts';
import { field } from './form.ts';

/** The public half of admin-made reset links: anyone holding a valid link may set a new password. */
export const passwordReset = {
  complete: defineAction({
    accept: 'form',
    input: z.object({ token: field(), newPassword: field() }),
    handler: async (input, context) =>
      completePasswordReset(
        await getDb(),
        input.token,
        input.newPassword,
        Date.now(),
        clientAddressOf(context),
      ),
  }),
};
