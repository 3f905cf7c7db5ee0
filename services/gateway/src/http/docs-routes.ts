import { buildOpenApiDocument } from '@headliner/contracts';
import { Router } from 'express';
import { docsPage } from './docs-page';

const specPath = '/docs/openapi.json';

/** GET /docs (a page for people) and GET /docs/openapi.json (the contract, for tools). */
export function docsRoutes(): Router {
  const document = buildOpenApiDocument();
  const page = docsPage(document, specPath);
  const router = Router();
  router.get(specPath, (_req, res) => {
    res.json(document);
  });
  router.get('/docs', (_req, res) => {
    res
      .set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'")
      .type('html')
      .send(page);
  });
  return router;
}
