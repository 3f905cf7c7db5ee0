/* global document, SwaggerUIBundle */
// Starts Swagger UI on the OpenAPI document the page names. A file rather than an inline script,
// so the page's Content-Security-Policy forbids inline code. No top bar (its logo is an inline
// style and its box loads any URL) and no online validator (a call to another host).
const mountPoint = document.getElementById('swagger-ui');

SwaggerUIBundle({
  url: mountPoint.dataset.specUrl,
  domNode: mountPoint,
  presets: [SwaggerUIBundle.presets.apis],
  layout: 'BaseLayout',
  deepLinking: true,
  validatorUrl: null,
});
