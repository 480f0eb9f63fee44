// The JSON client the catalogue code shares. It bounds a request only when the caller asks for
// a deadline: a caller that passes no `timeoutMs` gets a request that can hang forever.
export interface GetJsonOptions {
  timeoutMs?: number;
  headers?: Record<string, string>;
}

export async function getJson<T>(url: string, { timeoutMs, headers }: GetJsonOptions = {}): Promise<T> {
  const response = await fetch(url, {
    headers: { accept: 'application/json', ...headers },
    signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
  });
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return (await response.json()) as T;
}
