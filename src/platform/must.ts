/**
 * The value an invariant guarantees (a row just written, a key just looked up). A missing one is a bug,
 * answered as a server error and never as bad input; this replaces the `!` assertion, which hides it.
 */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`invariant broken: ${what} is missing`);
  return value;
}
