export async function ping(url: string): Promise<number> {
  const response = await fetch(url);
  return response.status;
}
