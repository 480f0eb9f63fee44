// A typed API client without a timeout.
interface Rate {
  currency: string;
  value: number;
}

export async function loadRates(base: string): Promise<Rate[]> {
  const response = await fetch(`https://rates.example.com/latest?base=${encodeURIComponent(base)}`);
  return (await response.json()) as Rate[];
}

export async function loadRatesSafely(base: string): Promise<Rate[]> {
  const response = await fetch(`https://rates.example.com/latest?base=${encodeURIComponent(base)}`, {
    signal: AbortSignal.timeout(5000),
  });
  return (await response.json()) as Rate[];
}
