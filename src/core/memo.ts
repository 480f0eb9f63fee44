/**
 * One memo for pure judgements of a string (a name, a path): rules ask about the same
 * identifiers and paths on every call of every file, and the answer never changes. Bounded: at
 * `max` entries the memo starts afresh, and keys longer than `maxKeyLength` are judged each time
 * without being kept, so hostile input cannot pin memory.
 * @example const isSecretName = memoizeByString(judgeSecretName);
 */
export function memoizeByString<T>(judge: (key: string) => T, { max = 10_000, maxKeyLength = 512 }: { max?: number; maxKeyLength?: number } = {}): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    if (key.length > maxKeyLength) {
      return judge(key);
    }
    const known = answers.get(key);
    if (known !== undefined || answers.has(key)) {
      return known as T;
    }
    const answer = judge(key);
    if (answers.size >= max) {
      answers.clear();
    }
    answers.set(key, answer);
    return answer;
  };
}
