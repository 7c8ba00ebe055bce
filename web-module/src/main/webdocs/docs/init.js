// Browses the OpenAPI document the server generates at /openapi.
window.ui = SwaggerUIBundle({url: "/openapi?format=JSON", dom_id: "#swagger-ui"});
