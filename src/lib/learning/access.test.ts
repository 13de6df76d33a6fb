import { describe, expect, it } from 'vitest';
import { decideReadAccess, decideRecordAccess } from './access.ts';

const learner = { role: 'learner' as const };
const trainer = { role: 'trainer' as const };
const active = { status: 'active' as const };
const withdrawn = { status: 'withdrawn' as const };
const open = { modules: [{ moduleId: 'm1', state: 'in-progress' as const, lockedBy: null }] };
const locked = { modules: [{ moduleId: 'm2', state: 'locked' as const, lockedBy: 'm1' }] };

describe('decideReadAccess', () => {
  it('shows the outline and a sign-in prompt to visitors', () => {
    expect(decideReadAccess({ user: null, enrolment: null, progress: null, moduleId: 'm1' })).toEqual({
      kind: 'sign-in',
    });
  });

  it('shows the outline and an Enrol button to learners who are not enrolled, or have left', () => {
    expect(decideReadAccess({ user: learner, enrolment: null, progress: null, moduleId: 'm1' })).toEqual({
      kind: 'enrol',
    });
    expect(decideReadAccess({ user: learner, enrolment: withdrawn, progress: open, moduleId: 'm1' })).toEqual(
      { kind: 'enrol' },
    );
  });

  it('lets enrolled learners read open modules and explains locked ones', () => {
    expect(decideReadAccess({ user: learner, enrolment: active, progress: open, moduleId: 'm1' })).toEqual({
      kind: 'read',
    });
    expect(decideReadAccess({ user: learner, enrolment: active, progress: locked, moduleId: 'm2' })).toEqual({
      kind: 'locked',
      lockedBy: 'm1',
    });
  });

  it('lets trainers and admins read everything without enrolling', () => {
    expect(decideReadAccess({ user: trainer, enrolment: null, progress: null, moduleId: 'm2' })).toEqual({
      kind: 'read',
    });
    expect(
      decideReadAccess({ user: { role: 'admin' }, enrolment: null, progress: locked, moduleId: 'm2' }),
    ).toEqual({ kind: 'read' });
  });
});

describe('decideRecordAccess', () => {
  it('needs an active enrolment, also for staff', () => {
    expect(
      decideRecordAccess({
        user: trainer,
        enrolment: null,
        progress: null,
        moduleId: 'm1',
        lessonDraft: false,
      }),
    ).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
    expect(
      decideRecordAccess({
        user: learner,
        enrolment: withdrawn,
        progress: open,
        moduleId: 'm1',
        lessonDraft: false,
      }),
    ).toEqual({
      ok: false,
      reason: 'not-enrolled',
    });
  });

  it('refuses locked modules for learners and drafts for everyone', () => {
    expect(
      decideRecordAccess({
        user: learner,
        enrolment: active,
        progress: locked,
        moduleId: 'm2',
        lessonDraft: false,
      }),
    ).toEqual({
      ok: false,
      reason: 'locked',
    });
    expect(
      decideRecordAccess({
        user: trainer,
        enrolment: active,
        progress: open,
        moduleId: 'm1',
        lessonDraft: true,
      }),
    ).toEqual({
      ok: false,
      reason: 'draft',
    });
    expect(
      decideRecordAccess({
        user: learner,
        enrolment: active,
        progress: open,
        moduleId: 'm1',
        lessonDraft: false,
      }),
    ).toEqual({ ok: true });
  });
});
