/* The API documentation page: Swagger UI over the archive's own OpenAPI document. No external
   requests (no validator badge, no CDN); the page's CSP allows scripts from this site only. */
(function () {
  "use strict";
  function start() {
    var host = document.getElementById("api-docs");
    if (!host || typeof window.SwaggerUIBundle !== "function") return;
    host.textContent = "";
    window.SwaggerUIBundle({
      url: host.getAttribute("data-openapi"),
      domNode: host,
      deepLinking: true,
      validatorUrl: null,
      tryItOutEnabled: false,
      supportedSubmitMethods: ["get", "head"],
      defaultModelsExpandDepth: 0,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
