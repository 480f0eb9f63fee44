export function Orders({ id }: { id: string }) {
  const load = (): Promise<Response> => fetch(`/api/orders/${id}`);
  return <button onClick={load}>Load</button>;
}
