export function Profile({ id }) {
  const load = () => fetch(`/api/users/${id}`);
  return <button onClick={load}>Load</button>;
}
