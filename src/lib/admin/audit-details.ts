/**
 * Audit entries in words: the action's name and the before / after / reason of its data, for
 * the audit log page and its CSV. Unknown actions and fields (a later feature's entries, say)
 * still show, as their code and a `field: value` line each. Pure.
 */
import { en, type MessageKey, type Translate } from '#src/i18n/index.ts';

function hasKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The translated name of an action, or its code when it has none. */
export function auditActionLabel(action: string, t: Translate): string {
  const key = `admin.audit.action.${action}`;
  return hasKey(key) ? t(key) : action;
}

function valueText(value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('admin.audit.empty-value');
  if (typeof value === 'string') {
    for (const key of [`role.${value}`, `admin.status.${value}`]) if (hasKey(key)) return t(key);
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A piece of an event's sentence: words, or the place where the actor or subject link goes. */
export type SentencePart = { text: string } | { slot: 'actor' | 'subject' };

/**
 * An entry as a sentence, e.g. "{actor} changed the role of {subject}.", split around the
 * actor and subject so the page can make them links. An action without a sentence of its own
 * reads "{actor}: {action label}, {subject}."
 */
export function auditSentence(action: string, t: Translate): SentencePart[] {
  const key = `admin.audit.sentence.${action}`;
  const template = hasKey(key)
    ? t(key)
    : t('admin.audit.sentence.generic', { action: auditActionLabel(action, t) });
  const parts: SentencePart[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(actor|subject)\}/gu)) {
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ slot: match[1] as 'actor' | 'subject' });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  return parts;
}

/** Short lines describing an entry's data: what changed from what to what, and why. */
export function describeAuditData(data: unknown, t: Translate): string[] {
  const fields = record(data);
  if (!fields) return data === null || data === undefined ? [] : [valueText(data, t)];
  const lines: string[] = [];
  // Who and what the entry is about shows in its subject column already.
  const shown = new Set([
    'before',
    'after',
    'reason',
    'usersMoved',
    'userIds',
    'target',
    'source',
    'self',
    'sessionsEnded',
    'email',
    'userId',
    'serial',
    'mode',
    'via',
    'courseId',
  ]);
  if ('before' in fields || 'after' in fields) {
    const before = record(fields.before);
    const after = record(fields.after);
    if (before || after) {
      const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
      for (const key of keys) {
        if (JSON.stringify(before?.[key]) === JSON.stringify(after?.[key])) continue;
        lines.push(
          `${key}: ${t('admin.audit.change', { before: valueText(before?.[key], t), after: valueText(after?.[key], t) })}`,
        );
      }
    } else {
      lines.push(
        t('admin.audit.change', { before: valueText(fields.before, t), after: valueText(fields.after, t) }),
      );
    }
  }
  const target = record(fields.target);
  if (typeof target?.name === 'string') lines.push(t('admin.audit.into', { name: target.name }));
  const source = record(fields.source);
  if (typeof source?.name === 'string') lines.push(t('admin.audit.from', { name: source.name }));
  if (typeof fields.usersMoved === 'number') lines.push(t('admin.audit.moved', { count: fields.usersMoved }));
  if (typeof fields.sessionsEnded === 'number' && fields.sessionsEnded > 0) {
    lines.push(t('admin.audit.sessionsEnded', { count: fields.sessionsEnded }));
  }
  if (fields.self === true) lines.push(t('admin.audit.self'));
  if (typeof fields.mode === 'string') {
    const key = `admin.audit.mode.${fields.mode}`;
    lines.push(t('admin.audit.how', { how: hasKey(key) ? t(key) : fields.mode }));
  }
  if (fields.via === 'admin:create') lines.push(t('admin.audit.viaCommandLine'));
  if (typeof fields.reason === 'string' && fields.reason)
    lines.push(t('admin.audit.reason', { reason: fields.reason }));
  // Fields a later feature records still show, one readable line each.
  for (const [key, value] of Object.entries(fields)) {
    if (!shown.has(key)) lines.push(`${key}: ${valueText(value, t)}`);
  }
  return lines;
}
