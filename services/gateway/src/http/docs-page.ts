import type { OpenApiDocument } from '@headliner/contracts';

/**
 * A self-contained HTML index of the API: every operation by tag, who may call it and what it
 * answers, with a link to the full OpenAPI document. (Swagger UI would need swagger-ui-dist.)
 */
export function docsPage(document: OpenApiDocument, specUrl: string): string {
  const sections = document.tags.map(({ name }) => {
    const rows = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.tags.includes(name))
        .map(
          ([method, operation]) => `<tr>
  <td><code class="method ${method}">${method.toUpperCase()}</code></td>
  <td><code>${escape(path)}</code></td>
  <td>${escape(operation.summary)}</td>
  <td>${operation.security ? 'bearer token' : 'anyone'}</td>
  <td>${Object.keys(operation.responses).map(escape).join(' ')}</td>
</tr>`,
        ),
    );
    return `<h2>${escape(name)}</h2>
<table><tr><th></th><th>Path</th><th>Summary</th><th>Caller</th><th>Answers</th></tr>
${rows.join('\n')}</table>`;
  });

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(document.info.title)}</title>
<style>
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; }
.method { font-weight: bold; } .get { color: #0a6; } .post { color: #06c; } .delete { color: #c30; }
</style></head><body>
<h1>${escape(document.info.title)} <small>${escape(document.info.version)}</small></h1>
<p>${escape(document.info.description)}</p>
<p>Machine-readable: <a href="${escape(specUrl)}">OpenAPI 3.1 document</a>.</p>
${sections.join('\n')}
</body></html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
