// A GitHub-flavoured Markdown table. Cells are escaped so a `|` in a check name cannot split a row.
export function markdownTable(
  header: string[],
  rows: string[][],
  alignRight: number[] = [],
): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, i) => (alignRight.includes(i) ? '---:' : '---'));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}
