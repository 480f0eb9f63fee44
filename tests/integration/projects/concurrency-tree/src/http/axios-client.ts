import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.example.com' });

export async function listInvoices(): Promise<unknown> {
  const { data } = await api.get<unknown>('/invoices');
  return data;
}

export async function sendInvoice(invoice: { id: string }): Promise<void> {
  await axios.post('https://mail.example.com/send', invoice, { timeout: 0 });
}
