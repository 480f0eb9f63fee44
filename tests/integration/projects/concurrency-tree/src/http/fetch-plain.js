export async function loadProfile(id) {
  const response = await fetch(`https://api.example.com/profiles/${id}`);
  return response.json();
}

export async function loadSettings(id) {
  const response = await fetch(`https://api.example.com/settings/${id}`, { signal: AbortSignal.timeout(5000) });
  return response.json();
}
