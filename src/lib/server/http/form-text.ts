/** A text field of a form, '' when missing or a file. No Astro imports: tests use it. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
