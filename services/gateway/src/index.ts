export { createGatewayApp } from './gateway.app';
export { GatewayEnv } from './config/gateway.env';
export { buildOpenApiDocument } from './openapi/openapi.setup';
