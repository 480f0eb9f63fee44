import got from 'got';

export async function rates(currency: string): Promise<unknown> {
  return got(`https://rates.example.com/${currency}`).json();
}
