// Nothing to report.
export function add(a, b) {
  return a + b;
}
