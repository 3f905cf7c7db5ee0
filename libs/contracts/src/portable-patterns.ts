type JsonSchema = Record<string, unknown>;

// Written in a pattern, this means "end of input" in every regex dialect. A closing `$` does
// not: in Python (the fuzzer, many client generators) it also matches before a final line feed,
// so `^[a-z]+$` would call "kim\n" valid where the service's JavaScript refuses it.
const END_OF_INPUT = '(?![\\s\\S])';

/** The schema with each pattern's closing `$` written so that every dialect reads it alike. */
export function withPortablePatterns(schema: JsonSchema): JsonSchema {
  return portable(schema) as JsonSchema;
}

function portable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(portable);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === 'pattern' && typeof value === 'string' ? endAnchored(value) : portable(value),
    ]),
  );
}

function endAnchored(pattern: string): string {
  const closingDollar = pattern.endsWith('$') && !pattern.endsWith('\\$');
  return closingDollar ? pattern.slice(0, -1) + END_OF_INPUT : pattern;
}
