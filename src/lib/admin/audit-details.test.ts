import { describe, expect, it } from 'vitest';
import { createTranslator } from '#src/i18n/index.ts';
import { auditActionLabel, auditSentence, describeAuditData } from './audit-details.ts';

const t = createTranslator('en');

describe('audit entries in words', () => {
  it('names known actions and keeps unknown ones as their code', () => {
    expect(auditActionLabel('role-changed', t)).toBe('Role changed');
    expect(auditActionLabel('certificate-revoked-someday', t)).toBe('certificate-revoked-someday');
    expect(auditActionLabel('constructor', t)).toBe('constructor');
  });

  it('shows before and after with roles and statuses translated, then the reason', () => {
    expect(
      describeAuditData({ before: 'learner', after: 'trainer', reason: 'New trainer', email: 'a@b.my' }, t),
    ).toEqual(['Learner → Trainer', 'Reason: New trainer']);
    expect(
      describeAuditData({ before: 'active', after: 'deactivated', sessionsEnded: 2, self: true }, t),
    ).toEqual(['Active → Deactivated', '2 sessions ended', 'Own account']);
    expect(createTranslator('ms')('role.trainer')).toBe('Jurulatih');
  });

  it('compares nested before and after field by field, and describes merges', () => {
    expect(
      describeAuditData(
        {
          before: { name: 'A', mergedInto: null },
          after: { mergedInto: 'x' },
          target: { id: 'x', name: 'B' },
          usersMoved: 3,
          userIds: ['1'],
        },
        t,
      ),
    ).toEqual(['name: A → (none)', 'mergedInto: (none) → x', 'Into B', '3 learners moved']);
  });

  it('says how a certificate was issued, and shows unknown fields as readable lines', () => {
    expect(describeAuditData({ serial: 'RTW-2026-000001', mode: 'auto' }, t)).toEqual([
      'How: automatically at completion',
    ]);
    expect(describeAuditData({ attempts: 3 }, t)).toEqual(['attempts: 3']);
    expect(describeAuditData(null, t)).toEqual([]);
  });

  it('reads an event as a sentence with places for the actor and subject links', () => {
    expect(auditSentence('role-changed', t)).toEqual([
      { slot: 'actor' },
      { text: ' changed the role of ' },
      { slot: 'subject' },
      { text: '.' },
    ]);
    expect(auditSentence('something-new', t)).toEqual([
      { slot: 'actor' },
      { text: ': something-new, ' },
      { slot: 'subject' },
      { text: '.' },
    ]);
  });
});
