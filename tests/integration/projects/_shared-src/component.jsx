export function Profile({ id }) {
  const load = () => fetch(`https://api.example.com/users/${id}`);
  return <button onClick={load}>Load</button>;
}
