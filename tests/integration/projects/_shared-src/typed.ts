import axios from 'axios';

interface User {
  id: string;
  name: string;
}

export async function loadUser(id: string): Promise<User> {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return (await response.json()) as User;
}

export async function loadOrders(id: string): Promise<unknown> {
  const { data } = await axios.get<unknown>(`https://api.example.com/orders/${id}`);
  return data;
}
