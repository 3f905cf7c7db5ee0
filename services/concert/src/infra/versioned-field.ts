/** The value of a "<version>:<value>" field (see lua/newer-fields.lua). */
export function valueOfVersioned(field: string): string {
  return field.slice(field.indexOf(':') + 1);
}
