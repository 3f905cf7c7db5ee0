import { dirname, join } from 'node:path';
import { buildOpenApiDocument } from '@headliner/contracts';
import { Router } from 'express';
import { swaggerUiPage } from './docs-page';

const specUrl = '/docs/openapi.json';
const assetsUrl = '/docs/swagger-ui';
const initScriptUrl = '/docs/swagger-ui-init.js';

// Swagger UI's files come from the pinned npm package, so the docs need no network at run time.
const swaggerUiFolder = dirname(require.resolve('swagger-ui-dist/package.json'));
const swaggerUiAssets = ['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'];

// The page runs only this origin's files: no inline script or style, nothing from another host.
// Swagger UI's stylesheet draws its icons as data: SVGs; try-it-out calls this gateway.
const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** What docsRoutes serves, for the 405 answer to any other method on these paths. */
export const docsOperations = [
  '/docs',
  specUrl,
  initScriptUrl,
  ...swaggerUiAssets.map((asset) => `${assetsUrl}/${asset}`),
].map((path) => ({ method: 'get', path }));

/** GET /docs (Swagger UI, for people) and GET /docs/openapi.json (the contract, for tools). */
export function docsRoutes(): Router {
  const document = buildOpenApiDocument();
  const page = swaggerUiPage({ title: document.info.title, specUrl, assetsUrl, initScriptUrl });
  const router = Router();
  router.get(specUrl, (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res.set('Content-Security-Policy', contentSecurityPolicy).type('html').send(page);
  });
  router.get(initScriptUrl, (_req, res) => {
    res.sendFile(join(__dirname, 'swagger-ui-init.js'));
  });
  for (const asset of swaggerUiAssets) {
    router.get(`${assetsUrl}/${asset}`, (_req, res) => {
      res.sendFile(join(swaggerUiFolder, asset));
    });
  }
  return router;
}
