export function Orders({ id }: { id: string }) {
  const load = (): Promise<Response> => fetch(`https://api.example.com/orders/${id}`);
  return <button onClick={load}>Load</button>;
}
