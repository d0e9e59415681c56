// The demo tenant `npm start` creates (idempotently) and the README shows. One place, so both agree.

export const DEMO_TENANT = Object.freeze({
  slug: 'demo',
  name: 'Demo Repair Shop',
  administrator: Object.freeze({
    email: 'admin@demo.local',
    password: 'demo-admin-password',
    firstName: 'Ada',
    lastName: 'Admin',
  }),
});

/** Body of `POST /api/v1/tenants`. */
export const demoTenantRequest = () => JSON.stringify(DEMO_TENANT);

/** Body of `POST /api/v1/auth/login` for the demo administrator. */
export const demoLoginRequest = () =>
  JSON.stringify({ tenant: DEMO_TENANT.slug, email: DEMO_TENANT.administrator.email, password: DEMO_TENANT.administrator.password });

/** A one-line curl that logs the demo administrator in. */
export function demoLoginCurl(port = 3000) {
  return `curl -s localhost:${port}/api/v1/auth/login -H 'content-type: application/json' -d '${demoLoginRequest()}'`;
}
