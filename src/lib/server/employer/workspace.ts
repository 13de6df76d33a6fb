/**
 * The door of every employer workspace page and download: signed in (else sign in, or 401 for a
 * download), a manager or an admin, and allowed this employer (else 404, so that another
 * employer's id reveals nothing). Pages call it first.
 */
import type { APIContext, AstroGlobal } from 'astro';
import { requireUser } from '#src/lib/server/account/guard.ts';
import type { SessionUser } from '#src/lib/server/account/session.ts';
import { getDb } from '#src/lib/server/app.ts';
import type { Database } from '#src/lib/server/db.ts';
import { findWorkspaceEmployer, managedEmployerIdsOf } from './access.ts';

export type Workspace =
  | {
      ok: true;
      db: Database;
      user: SessionUser;
      employer: { id: string; name: string };
      managedEmployerIds: string[];
    }
  | { ok: false; response: Response };

export async function openWorkspace(
  ctx: Pick<AstroGlobal | APIContext, 'locals' | 'url' | 'redirect' | 'params'>,
  kind: 'page' | 'endpoint' = 'page',
): Promise<Workspace> {
  const auth = requireUser(ctx, 'manager', kind);
  if (!auth.ok) return auth;
  const db = await getDb();
  const employer = await findWorkspaceEmployer(db, auth.user, ctx.params.employerId ?? '');
  if (!employer) return { ok: false, response: new Response(null, { status: 404 }) };
  return {
    ok: true,
    db,
    user: auth.user,
    employer,
    managedEmployerIds: await managedEmployerIdsOf(db, auth.user),
  };
}
