import { getJson } from './lib/http.js';

interface Stock {
  sku: string;
  level: number;
}

export async function stockLevel(sku: string): Promise<number> {
  const stock = await getJson<Stock>(`https://stock.example.com/items/${encodeURIComponent(sku)}`);
  return stock.level;
}

export async function priceOf(sku: string): Promise<number> {
  const { cents } = await getJson<{ cents: number }>(`https://prices.example.com/${encodeURIComponent(sku)}`, { timeoutMs: 2000 });
  return cents / 100;
}
