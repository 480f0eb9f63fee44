// Every request here has a deadline: nothing to report.
export async function loadUser(id) {
  const response = await fetch(`https://api.example.com/users/${id}`, {
    signal: AbortSignal.timeout(5000),
  });
  return response.json();
}
