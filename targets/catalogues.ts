/** Flattens an i18next-style nested catalogue into dotted keys ("account.email.label" → text). Arrays are skipped. */
export function flattenCatalogue(tree: Record<string, unknown>, prefix = '', out: Record<string, string> = {}): Record<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) flattenCatalogue(value as Record<string, unknown>, path, out);
  }
  return out;
}
