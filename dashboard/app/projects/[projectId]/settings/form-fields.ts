// Reading the Settings forms' fields.

export function textField(form: FormData, name: string): string {
  return String(form.get(name) ?? '').trim();
}

/** A number input; an empty field is 0 ("default"), text that is no number is NaN for the API to name. */
export function numberField(form: FormData, name: string): number {
  const text = textField(form, name);
  return text === '' ? 0 : Number(text);
}

/** A textarea with one entry per line. */
export function linesField(form: FormData, name: string): string[] {
  return textField(form, name)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A signal's thresholds: number inputs named "t:<name>", checkboxes named
 * "flag:<name>" listed in the hidden "flags" field (unchecked boxes send nothing).
 */
export function thresholdValues(form: FormData): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('t:')) values[key.slice(2)] = numberField(form, key);
    else if (key === 'flags') {
      for (const name of String(value).split(',').filter(Boolean))
        values[name] = form.get(`flag:${name}`) ? 1 : 0;
    }
  }
  return values;
}
