/**
 * Invitations by email: an admin (or an employer manager, for the employers they manage) invites
 * an address under an employer; the link registers an account with that address fixed and that
 * employer set, and proves the address at the same time. Only the newest invitation to an
 * address works; an admin may withdraw one.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { invitation, organisation, user, type Locale } from '#db/schema.ts';
import { checkEmail, normaliseEmail, type EmailProblem } from '#src/lib/account/rules.ts';
import { isAdmin, isManager, managesEmployer, type Actor } from '#src/lib/roles.ts';
import { registerUser, type RegistrationErrors, type UserRecord } from '#src/lib/server/account/user.ts';
import { recordAudit } from '#src/lib/server/audit/record.ts';
import type { Database, Orm } from '#src/lib/server/db.ts';
import { DAY_MS } from '#src/lib/time.ts';
import { createLinkToken, linkSecretMatches, parseLinkToken } from './link-token.ts';
import { enqueueMail } from './outbox.ts';

export const INVITATION_LIFETIME_MS = 14 * DAY_MS;

type Reader = Pick<Orm, 'select'>;

/** The employer as it is now: an invitation to an employer merged since joins the one it went into. */
async function currentEmployer(orm: Reader, id: string): Promise<{ id: string; name: string } | null> {
  let nextId: string | null = id;
  for (let hop = 0; hop < 5 && nextId; hop += 1) {
    const [row] = await orm
      .select({ id: organisation.id, name: organisation.name, mergedInto: organisation.mergedInto })
      .from(organisation)
      .where(eq(organisation.id, nextId));
    if (!row) return null;
    if (!row.mergedInto) return { id: row.id, name: row.name };
    nextId = row.mergedInto;
  }
  return null;
}

export type InvitationErrors = Partial<{
  email: EmailProblem | 'taken';
  organisationId: 'required' | 'unknown';
  locale: 'invalid';
}>;

export type InviteResult =
  | { ok: true; invitationId: string; email: string }
  | { ok: false; reason: 'forbidden' }
  | { ok: false; reason: 'invalid'; errors: InvitationErrors };

/**
 * Invites `email` to register under employer `organisationId`. Admins may invite to any
 * employer, managers to the employers in `managedEmployerIds`. The invitation, its message and
 * the audit entry are one transaction; earlier invitations to the address stop working.
 */
export async function inviteByEmail(
  db: Database,
  actor: Actor,
  input: { email: string; organisationId: string; locale: string },
  context: { now: number; managedEmployerIds?: readonly string[] },
): Promise<InviteResult> {
  const { now } = context;
  const managed = context.managedEmployerIds ?? [];
  if (!isAdmin(actor) && !isManager(actor)) return { ok: false, reason: 'forbidden' };
  if (input.organisationId && !managesEmployer(actor, input.organisationId, managed)) {
    return { ok: false, reason: 'forbidden' };
  }
  const errors: InvitationErrors = {};
  const emailProblem = checkEmail(input.email);
  const email = normaliseEmail(input.email);
  if (emailProblem) errors.email = emailProblem;
  else {
    const [existing] = await db.orm.select({ id: user.id }).from(user).where(eq(user.email, email));
    if (existing) errors.email = 'taken';
  }
  const employer = input.organisationId ? await currentEmployer(db.orm, input.organisationId) : null;
  if (!input.organisationId) errors.organisationId = 'required';
  else if (!employer) errors.organisationId = 'unknown';
  if (input.locale !== 'en' && input.locale !== 'ms') errors.locale = 'invalid';
  if (Object.keys(errors).length > 0 || !employer) return { ok: false, reason: 'invalid', errors };
  // An employer merged since the form was shown: the manager must manage the one it went into.
  if (!managesEmployer(actor, employer.id, managed)) return { ok: false, reason: 'forbidden' };
  const locale = input.locale as Locale;

  const [inviter] = await db.orm.select({ fullName: user.fullName }).from(user).where(eq(user.id, actor.id));
  const link = createLinkToken();
  const expiresAt = now + INVITATION_LIFETIME_MS;
  await db.write((orm) =>
    orm.transaction(async (tx) => {
      await tx
        .update(invitation)
        .set({ withdrawnAt: new Date(now) })
        .where(
          and(eq(invitation.email, email), isNull(invitation.acceptedAt), isNull(invitation.withdrawnAt)),
        );
      await tx.insert(invitation).values({
        id: link.id,
        email,
        organisationId: employer.id,
        locale,
        tokenHash: link.hash,
        invitedBy: actor.id,
        createdAt: new Date(now),
        expiresAt: new Date(expiresAt),
      });
      await enqueueMail(
        tx,
        {
          kind: 'invitation',
          to: email,
          userId: null,
          locale,
          params: { employerName: employer.name, inviterName: inviter?.fullName ?? null, expiresAt },
          secret: link.token,
          linkExpiresAt: expiresAt,
        },
        now,
      );
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'invitation-sent',
        subjectType: 'organisation',
        subjectId: employer.id,
        data: { email, invitationId: link.id, expiresAt: new Date(expiresAt).toISOString() },
        at: now,
      });
    }),
  );
  return { ok: true, invitationId: link.id, email };
}

export type InvitationStatus = 'pending' | 'accepted' | 'expired' | 'withdrawn';

export interface InvitationRow {
  id: string;
  email: string;
  employerId: string;
  employerName: string;
  createdAt: number;
  expiresAt: number;
  status: InvitationStatus;
}

function statusOf(
  row: { acceptedAt: Date | null; withdrawnAt: Date | null; expiresAt: Date },
  now: number,
): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.withdrawnAt) return 'withdrawn';
  return now >= row.expiresAt.getTime() ? 'expired' : 'pending';
}

/** The newest invitations (of the given employers, or all), with their status at `now`. */
export async function listInvitations(
  db: Database,
  options: { now: number; limit: number; employerIds?: readonly string[] },
): Promise<InvitationRow[]> {
  const rows = await db.orm
    .select({
      id: invitation.id,
      email: invitation.email,
      employerId: organisation.id,
      employerName: organisation.name,
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
      withdrawnAt: invitation.withdrawnAt,
    })
    .from(invitation)
    .innerJoin(organisation, eq(organisation.id, invitation.organisationId))
    .orderBy(desc(invitation.createdAt))
    .limit(options.limit);
  return rows
    .filter((row) => !options.employerIds || options.employerIds.includes(row.employerId))
    .map((row) => ({
      id: row.id,
      email: row.email,
      employerId: row.employerId,
      employerName: row.employerName,
      createdAt: row.createdAt.getTime(),
      expiresAt: row.expiresAt.getTime(),
      status: statusOf(row, options.now),
    }));
}

export type WithdrawResult = { ok: true; email: string } | { ok: false; reason: 'forbidden' | 'not-found' };

/** Withdraws a pending invitation: its link stops working. */
export async function withdrawInvitation(
  db: Database,
  actor: Actor,
  invitationId: string,
  context: { now: number; managedEmployerIds?: readonly string[] },
): Promise<WithdrawResult> {
  return db.write((orm) =>
    orm.transaction(async (tx): Promise<WithdrawResult> => {
      const [row] = await tx
        .select({ id: invitation.id, email: invitation.email, organisationId: invitation.organisationId })
        .from(invitation)
        .where(
          and(
            eq(invitation.id, invitationId),
            isNull(invitation.acceptedAt),
            isNull(invitation.withdrawnAt),
            gt(invitation.expiresAt, new Date(context.now)),
          ),
        );
      if (!row) return { ok: false, reason: 'not-found' };
      if (!managesEmployer(actor, row.organisationId, context.managedEmployerIds ?? []))
        return { ok: false, reason: 'forbidden' };
      await tx
        .update(invitation)
        .set({ withdrawnAt: new Date(context.now) })
        .where(eq(invitation.id, row.id));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'invitation-withdrawn',
        subjectType: 'organisation',
        subjectId: row.organisationId,
        data: { email: row.email, invitationId: row.id },
        at: context.now,
      });
      return { ok: true, email: row.email };
    }),
  );
}

export type InvitationProblem = 'invalid' | 'expired' | 'accepted' | 'withdrawn';

export type InvitationCheck =
  | {
      ok: true;
      invitationId: string;
      email: string;
      employerId: string;
      employerName: string;
      locale: Locale;
    }
  | { ok: false; reason: InvitationProblem };

/** What an invitation link offers, if it still works (looking changes nothing). */
export async function checkInvitationToken(
  db: Database,
  token: string,
  now: number,
): Promise<InvitationCheck> {
  const parts = parseLinkToken(token);
  if (!parts) return { ok: false, reason: 'invalid' };
  const [row] = await db.orm.select().from(invitation).where(eq(invitation.id, parts.id));
  if (!row || !linkSecretMatches(parts.secret, new Uint8Array(row.tokenHash)))
    return { ok: false, reason: 'invalid' };
  const status = statusOf(row, now);
  if (status !== 'pending') return { ok: false, reason: status };
  const employer = await currentEmployer(db.orm, row.organisationId);
  if (!employer) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    invitationId: row.id,
    email: row.email,
    employerId: employer.id,
    employerName: employer.name,
    locale: row.locale,
  };
}

export type AcceptResult =
  | { ok: true; user: UserRecord }
  | { ok: false; reason: InvitationProblem | 'taken' }
  | { ok: false; reason: 'form'; errors: Pick<RegistrationErrors, 'fullName' | 'password'> }
  | { ok: false; reason: 'throttled'; retryAfterMs: number };

/**
 * Registers the invited person: their address is the invitation's (and counts as verified: the
 * link reached it), their employer the invitation's. Registration's own rules and throttle apply.
 */
export async function acceptInvitation(
  db: Database,
  token: string,
  input: { fullName: string; password: string },
  context: { now: number; address: string },
): Promise<AcceptResult> {
  const check = await checkInvitationToken(db, token, context.now);
  if (!check.ok) return check;
  const registered = await registerUser(
    db,
    {
      fullName: input.fullName,
      email: check.email,
      password: input.password,
      organisationId: check.employerId,
      // The language the inviter chose for them.
      locale: check.locale,
    },
    context,
  );
  if (!registered.ok) {
    if (registered.reason === 'throttled') return registered;
    if (registered.errors.email === 'taken') return { ok: false, reason: 'taken' };
    return {
      ok: false,
      reason: 'form',
      errors: { fullName: registered.errors.fullName, password: registered.errors.password },
    };
  }
  await db.write((orm) =>
    orm.transaction(async (tx) => {
      await tx
        .update(invitation)
        .set({ acceptedAt: new Date(context.now), acceptedBy: registered.user.id })
        .where(and(eq(invitation.id, check.invitationId), isNull(invitation.acceptedAt)));
      await tx
        .update(user)
        .set({ emailVerifiedAt: new Date(context.now) })
        .where(eq(user.id, registered.user.id));
      await recordAudit(tx, {
        actorId: registered.user.id,
        action: 'invitation-accepted',
        subjectType: 'user',
        subjectId: registered.user.id,
        data: { email: check.email, invitationId: check.invitationId, employerId: check.employerId },
        at: context.now,
      });
    }),
  );
  return registered;
}
