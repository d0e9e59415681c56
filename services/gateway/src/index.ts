export { createGatewayApp } from './gateway.app';
export { GatewayEnv } from './config/gateway.env';
