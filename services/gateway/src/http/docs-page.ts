export interface SwaggerUiPageUrls {
  title: string;
  specUrl: string;
  /** Where Swagger UI's own stylesheet and bundle are served */
  assetsUrl: string;
  initScriptUrl: string;
}

/**
 * The page Swagger UI runs in. Everything it loads is a file of this origin, the start-up script
 * too, so the page's Content-Security-Policy can forbid inline code; the script finds the
 * document's URL on the mount point.
 */
export function swaggerUiPage({ title, specUrl, assetsUrl, initScriptUrl }: SwaggerUiPageUrls) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<link rel="stylesheet" href="${assetsUrl}/swagger-ui.css">
<link rel="icon" type="image/png" href="${assetsUrl}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-spec-url="${specUrl}"></div>
<script src="${assetsUrl}/swagger-ui-bundle.js"></script>
<script src="${initScriptUrl}"></script>
</body>
</html>
`;
}
