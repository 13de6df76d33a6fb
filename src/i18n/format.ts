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

/** `template` with `params` filled in, numbers and plurals by the rules of BCP 47 `tag`. */
export function formatMessage(
  template: string,
  params: Record<string, string | number>,
  tag: string,
): string {
  const rules = rulesFor(tag);
  const chosen = template.replace(pluralPattern, (match, name: string, branches: string) => {
    const value = params[name];
    if (typeof value !== 'number') return match;
    const forms = new Map<string, string>();
    for (const [, selector = '', text = ''] of branches.matchAll(branchPattern)) forms.set(selector, text);
    const text = forms.get(`=${value}`) ?? forms.get(rules.plural.select(value)) ?? forms.get('other') ?? '';
    return text.replace(/#/gu, rules.number.format(value));
  });
  return chosen.replace(/\{(\w+)\}/gu, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === 'number' ? rules.number.format(value) : value;
  });
}
