/** `{ key: value }` when the value is defined, else nothing: for optional fields under exactOptionalPropertyTypes. */
export function withDefined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
