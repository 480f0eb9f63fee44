// Every outbound request here has a deadline: nothing to report.
import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com', timeout: 10_000 });

export async function health(): Promise<number> {
  const response = await fetch('https://status.example.com/health', { signal: AbortSignal.timeout(2000) });
  return response.status;
}

export async function users(): Promise<unknown> {
  return (await api.get<unknown>('/users')).data;
}
