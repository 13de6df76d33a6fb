/**
 * Fills a catalogue template: `{name}` placeholders, and plurals in the ICU form
 * `{count, plural, one {# item} other {# items}}`, whose branch is chosen by the language's
 * `Intl.PluralRules` (`=0`, `=1` … match exact values first); `#` is the number. Pure and
 * isomorphic: the server's translator and the quiz player island share it (no catalogues here).
 */
const pluralPattern = /\{(\w+), plural,((?:\s*=?\w+\s*\{[^{}]*\})+)\s*\}/gu;
const branchPattern = /\s*(=?\w+)\s*\{([^{}]*)\}/gu;

interface NumberRules {
  readonly number: Intl.NumberFormat;
  readonly plural: Intl.PluralRules;
}

const rulesByTag = new Map<string, NumberRules>();

function rulesFor(tag: string): NumberRules {
  let rules = rulesByTag.get(tag);
  if (!rules) {
    rules = { number: new Intl.NumberFormat(tag), plural: new Intl.PluralRules(tag) };
    rulesByTag.set(tag, rules);
  }
  return rules;
}

/** A template cut into its parts once: text, `{name}` placeholders and plural choices. */
type Part =
  string | { name: string } | { name: string; plural: ReadonlyMap<string, string>; written: string };

const compiled = new Map<string, readonly Part[]>();

function pushPlaceholders(text: string, parts: Part[]): void {
  let from = 0;
  for (const match of text.matchAll(/\{(\w+)\}/gu)) {
    if (match.index > from) parts.push(text.slice(from, match.index));
    parts.push({ name: match[1] ?? '' });
    from = match.index + match[0].length;
  }
  if (from < text.length) parts.push(text.slice(from));
}

/**
 * The parts of `template`, cut once per template (catalogue templates are a fixed set; every
 * page fills dozens of them, and scanning each with regular expressions on every call showed in
 * the course overview's profile).
 */
function partsOf(template: string): readonly Part[] {
  const known = compiled.get(template);
  if (known) return known;
  const parts: Part[] = [];
  let from = 0;
  for (const match of template.matchAll(pluralPattern)) {
    pushPlaceholders(template.slice(from, match.index), parts);
    const forms = new Map<string, string>();
    for (const [, selector = '', text = ''] of (match[2] ?? '').matchAll(branchPattern))
      forms.set(selector, text);
    parts.push({ name: match[1] ?? '', plural: forms, written: match[0] });
    from = match.index + match[0].length;
  }
  pushPlaceholders(template.slice(from), parts);
  compiled.set(template, parts);
  return parts;
}

/** `template` with `params` filled in, numbers and plurals by the rules of BCP 47 `tag`. */
export function formatMessage(
  template: string,
  params: Record<string, string | number>,
  tag: string,
): string {
  const rules = rulesFor(tag);
  let out = '';
  for (const part of partsOf(template)) {
    if (typeof part === 'string') {
      out += part;
      continue;
    }
    const value = params[part.name];
    if ('plural' in part) {
      if (typeof value !== 'number') {
        out += part.written;
        continue;
      }
      const forms = part.plural;
      const text =
        forms.get(`=${value}`) ?? forms.get(rules.plural.select(value)) ?? forms.get('other') ?? '';
      out += text.replace(/#/gu, rules.number.format(value));
    } else if (value === undefined) out += `{${part.name}}`;
    else out += typeof value === 'number' ? rules.number.format(value) : value;
  }
  return out;
}
