export async function ping(url) {
  const response = await fetch(url);
  return response.status;
}
