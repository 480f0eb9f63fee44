// Outbound calls as a coding agent writes them.
export async function loadStatus() {
  const response = await fetch('https://status.example.com/api/v1');
  return response.json();
}

export async function loadStatusSafely() {
  const response = await fetch('https://status.example.com/api/v1', { signal: AbortSignal.timeout(5000) });
  return response.json();
}
