import axios from 'axios';

export async function loadUser(id) {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return response.json();
}

export async function loadOrders(id) {
  const { data } = await axios.get(`https://api.example.com/orders/${id}`);
  return data;
}
