import { buildOpenApiDocument } from '../src';
import { withPortablePatterns } from '../src/portable-patterns';

describe('the patterns of the OpenAPI document', () => {
  it('end with an anchor that refuses a final line feed in Python as in JavaScript', () => {
    const { pattern } = withPortablePatterns({ pattern: '^[a-z]+$' }) as { pattern: string };

    expect(new RegExp(pattern).test('kim')).toBe(true);
    expect(new RegExp(pattern).test('kim\n')).toBe(false);
    expect(pattern).toBe('^[a-z]+(?![\\s\\S])');
  });

  it('leave an escaped dollar and unanchored patterns alone, at any depth', () => {
    const schema = { items: [{ pattern: '^price \\$' }], properties: { a: { pattern: 'x' } } };
    expect(withPortablePatterns(schema)).toEqual(schema);
  });

  it('have no closing $ left anywhere in the document', () => {
    const patterns = JSON.stringify(buildOpenApiDocument()).match(/"pattern":"(?:[^"\\]|\\.)*"/g);
    expect(patterns?.length).toBeGreaterThan(5);
    for (const pattern of patterns ?? []) expect(pattern).not.toMatch(/[^\\]\$"$/);
  });
});
