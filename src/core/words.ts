/**
 * Lower-case word parts of a name: camelCase, snake_case, kebab-case, dotted paths; adjacent
 * pairs are also joined so that `ensureLoggedIn` yields `loggedin` and `apiKey` yields `apikey`.
 * @example wordsOf('ensureLoggedIn') // ['ensure', 'logged', 'in', 'ensurelogged', 'loggedin']
 */
export function wordsOf(name: string): string[] {
  const parts = name
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  const out = [...parts];
  for (let i = 0; i + 1 < parts.length; i++) {
    out.push(parts[i]! + parts[i + 1]!);
  }
  return out;
}
