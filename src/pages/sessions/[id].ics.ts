import type { APIRoute } from 'astro';
import { buildIcs } from '#src/lib/workshop/ics.ts';
import { requireUser } from '#src/lib/server/account/guard.ts';
import { getDb, siteUrl } from '#src/lib/server/app.ts';
import { getCatalogue } from '#src/lib/server/content/course.ts';
import { loadBookedSession } from '#src/lib/server/workshop/booking.ts';

/** The calendar file of the signed-in learner's booked session (anyone else: 404). */
export const GET: APIRoute = async (context) => {
  const auth = requireUser(context, 'learner', 'endpoint');
  if (!auth.ok) return auth.response;
  const session = await loadBookedSession(await getDb(), auth.user.id, context.params.id ?? '');
  if (!session) return new Response(null, { status: 404 });
  const { t, locale } = context.locals;
  const course = (await getCatalogue(locale)).preview.course(session.courseId)?.title ?? session.courseId;
  const host = new URL(siteUrl()).hostname;
  const description = [
    t('sessions.ics.description', { course }),
    session.notes ?? '',
    `${siteUrl()}/sessions`,
  ]
    .filter((line) => line !== '')
    .join('\n\n');
  const body = buildIcs({
    uid: `${session.id}@${host}`,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    stampedAt: Date.now(),
    title: session.title,
    location:
      session.mode === 'online' ? (session.meetingUrl ?? t('sessions.ics.online')) : (session.venue ?? ''),
    description,
    url: session.mode === 'online' ? session.meetingUrl : null,
    cancelled: session.cancelledAt !== null,
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="session-${session.id}.ics"`,
      'Cache-Control': 'private, no-store',
    },
  });
};
