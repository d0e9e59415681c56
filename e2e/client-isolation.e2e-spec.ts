import { eventually } from '@warden/testing';
import { Stack } from './support/stack';
import { createPortalContact } from './contact.fixtures';
import type { PortalContactFixture } from './contact.fixtures';
import { createOrder, createOrdersTenant, signedInEmployee } from './orders.fixtures';
import type { OrdersTenant, Person } from './orders.fixtures';
import { createTask, createTaskWorkflow } from './tasks.fixtures';

jest.setTimeout(120_000);
const SLOW = { timeoutMs: 20_000 };

type Viewer = 'employee' | 'contact' | 'clientManager' | 'accountManager' | 'otherContact';
const VIEWERS: Viewer[] = ['employee', 'contact', 'clientManager', 'accountManager', 'otherContact'];

/** A route that lists or reads items, and which of the items each viewer is given. */
interface VisibilityRow {
  route: string;
  /** A list (every item it gives is counted) or the read of one item (200 or 404 per item). */
  kind: 'list' | 'read';
  path: (id: string) => string;
  /** Names of the items the route may show (those created for the table). */
  items: string[];
  sees: Record<Viewer, string[]>;
}

/** A route a viewer may use or not at all (a catalog right), whatever the owner. */
interface StatusRow {
  route: string;
  path: () => string;
  status: Record<Viewer, number>;
}

/**
 * Within a tenant, clients stay apart. Two client companies, Acme and Globex; five viewers: an
 * employee of the support department, a portal contact of Acme, Acme's client manager (a portal
 * contact of Acme), Acme's account manager (an employee holding the client-manager role) and a
 * portal contact of Globex. For every list and read route a contact can reach, the exact set of items each
 * viewer is given, by owner (Acme's contact, Acme's colleague, Globex, nobody); a read of anything
 * else is 404, as if it did not exist.
 */
describe('clients stay apart: route × viewer × owner', () => {
  let stack: Stack;
  let tenant: OrdersTenant;
  const viewers = {} as Record<Viewer, Person>;
  const ids: Record<string, string> = {};
  let colleague: PortalContactFixture;
  let acme: any;
  let globex: any;

  async function post(path: string, body: Record<string, unknown>, token = tenant.adminToken): Promise<any> {
    return stack.http.postExpecting(path, body, token, 201);
  }

  beforeAll(async () => {
    stack = await Stack.start();
    tenant = await createOrdersTenant(stack, 'iso');
    const employee = await signedInEmployee(stack, tenant, { firstName: 'Erin', position: 'Support agent' });
    const accountManager = await signedInEmployee(stack, tenant, { firstName: 'Mark', position: 'Account manager' });
    acme = await post('/api/v1/companies', { name: 'Acme' });
    globex = await post('/api/v1/companies', { name: 'Globex' });
    const contact = await createPortalContact(stack, tenant, { companyId: acme.id, firstName: 'Ann' });
    colleague = await createPortalContact(stack, tenant, { companyId: acme.id, firstName: 'Colin' });
    const manager = await createPortalContact(stack, tenant, { companyId: acme.id, firstName: 'Mandy', lastName: 'Head of purchasing' });
    const otherContact = await createPortalContact(stack, tenant, { companyId: globex.id, firstName: 'Gus' });
    Object.assign(viewers, {
      employee,
      contact: { id: contact.id, token: contact.token },
      clientManager: { id: manager.id, token: manager.token },
      accountManager,
      otherContact: { id: otherContact.id, token: otherContact.token },
    });
    // A client manager is a contact of the company; an employee may hold the role too.
    const managers = await stack.http.put(
      `/api/v1/companies/${acme.id}/client-managers`,
      { personIds: [manager.id, accountManager.id] },
      tenant.adminToken,
    );
    expect([managers.status, managers.body.clientManagerIds?.sort()]).toEqual([200, [manager.id, accountManager.id].sort()]);
    const support = await post('/api/v1/departments', { name: 'Support', memberIds: [employee.id] });

    // Orders: the contact's own, its colleague's, Globex's; all in Support.
    ids.ownOrder = (
      await createOrder(stack, tenant.adminToken, { title: 'Ann: invoice', departmentId: support.id, clientContactId: contact.id })
    ).id;
    ids.colleagueOrder = (
      await createOrder(stack, tenant.adminToken, { title: 'Colin: printer', departmentId: support.id, clientContactId: colleague.id })
    ).id;
    ids.globexOrder = (
      await createOrder(stack, tenant.adminToken, { title: 'Gus: server', departmentId: support.id, clientContactId: otherContact.id })
    ).id;

    // Projects: Acme's (Colin audits), Globex's (Gus audits), and one without a client that Ann audits.
    ids.acmeProject = (
      await post('/api/v1/projects', {
        name: 'Acme support',
        counterpartyCompanyId: acme.id,
        defaultAuditorIds: [employee.id, colleague.id],
      })
    ).id;
    ids.globexProject = (
      await post('/api/v1/projects', { name: 'Globex support', counterpartyCompanyId: globex.id, defaultAuditorIds: [otherContact.id] })
    ).id;
    ids.annsProject = (await post('/api/v1/projects', { name: 'Internal review', defaultAuditorIds: [contact.id] })).id;

    // Templates: the firm's own form (employees only), one naming an Acme contact, one naming Globex's.
    const workflow = await createTaskWorkflow(
      stack,
      tenant,
      [
        ['Open', 'initial'],
        ['Done', 'final'],
      ],
      [['Open', 'Done', { roles: [{ role: 'assignee', kind: 'employee' }] }]],
    );
    const template = (name: string, participants: Array<{ personId: string; role: string }>) =>
      post('/api/v1/templates', {
        name,
        workflowId: workflow.body.id,
        initialStatusId: workflow.status.Open,
        defaultParticipants: participants,
      });
    ids.firmTemplate = (await template('Question', [{ personId: employee.id, role: 'assignee' }])).id;
    ids.acmeTemplate = (await template('Acme request', [{ personId: colleague.id, role: 'auditor' }])).id;
    ids.globexTemplate = (await template('Globex request', [{ personId: otherContact.id, role: 'auditor' }])).id;

    // Tasks: the administrator's in Acme's and Globex's projects; Ann's own in Acme's project.
    ids.acmeTask = (
      await createTask(stack, tenant.adminToken, {
        title: 'Acme: renew contract',
        projectId: ids.acmeProject,
        workflowId: workflow.body.id,
      })
    ).id;
    ids.globexTask = (
      await createTask(stack, tenant.adminToken, {
        title: 'Globex: renew contract',
        projectId: ids.globexProject,
        workflowId: workflow.body.id,
      })
    ).id;
    ids.ownTask = (
      await createTask(stack, contact.token, { title: 'Ann: a question', projectId: ids.acmeProject, templateId: ids.firmTemplate })
    ).id;

    // Inquiries: each client writes to the organisation as itself (nobody receives them: waiting).
    ids.ownInquiry = (await post('/api/v1/inquiries', { text: 'Is my order ready?' }, contact.token)).id;
    ids.globexInquiry = (await post('/api/v1/inquiries', { text: 'Is our server ready?' }, otherContact.token)).id;

    ids.acme = acme.id;
    ids.globex = globex.id;
    ids.printer = (await post('/api/v1/equipment', { companyId: acme.id, name: 'Printer' })).id;
    ids.tray = (await post('/api/v1/equipment', { companyId: acme.id, parentId: ids.printer, name: 'Paper tray' })).id;
    ids.globexServer = (await post('/api/v1/equipment', { companyId: globex.id, name: 'Server' })).id;

    // The client managers reach the permissions service by event.
    for (const person of [manager, accountManager]) {
      await eventually(
        async () => expect((await stack.http.get(`/api/v1/orders/${ids.colleagueOrder}`, person.token)).status).toBe(200),
        SLOW,
      );
    }
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  });

  const orders = ['ownOrder', 'colleagueOrder', 'globexOrder'];
  const projects = ['acmeProject', 'globexProject', 'annsProject'];
  const templates = ['firmTemplate', 'acmeTemplate', 'globexTemplate'];
  const tasks = ['acmeTask', 'globexTask', 'ownTask'];
  const inquiries = ['ownInquiry', 'globexInquiry'];
  const equipment = ['printer', 'tray', 'globexServer'];

  const visibility: VisibilityRow[] = [
    ...(
      ['GET /orders', 'GET /orders/:id', 'GET /orders/:id/history', 'GET /orders/:id/transitions', 'GET /orders/:id/comments'] as const
    ).map(
      (route): VisibilityRow => ({
        route,
        kind: route === 'GET /orders' ? 'list' : 'read',
        path: (id) =>
          route === 'GET /orders' ? '/api/v1/orders?limit=100' : `/api/v1/orders/${id}${route.slice('GET /orders/:id'.length)}`,
        items: orders,
        sees: {
          employee: orders,
          contact: ['ownOrder'],
          clientManager: ['ownOrder', 'colleagueOrder'],
          accountManager: ['ownOrder', 'colleagueOrder'],
          otherContact: ['globexOrder'],
        },
      }),
    ),
    {
      route: 'GET /companies/{Acme}/orders',
      kind: 'list',
      path: () => `/api/v1/companies/${ids.acme}/orders?limit=100`,
      items: orders,
      sees: {
        employee: ['ownOrder', 'colleagueOrder'],
        contact: ['ownOrder'],
        clientManager: ['ownOrder', 'colleagueOrder'],
        accountManager: ['ownOrder', 'colleagueOrder'],
        otherContact: [],
      },
    },
    {
      route: 'GET /companies/{Globex}/orders',
      kind: 'list',
      path: () => `/api/v1/companies/${ids.globex}/orders?limit=100`,
      items: orders,
      sees: { employee: ['globexOrder'], contact: [], clientManager: [], accountManager: [], otherContact: ['globexOrder'] },
    },
    ...(['GET /projects', 'GET /projects/:id'] as const).map(
      (route): VisibilityRow => ({
        route,
        kind: route === 'GET /projects' ? 'list' : 'read',
        path: (id) => (route === 'GET /projects' ? '/api/v1/projects' : `/api/v1/projects/${id}`),
        items: projects,
        sees: {
          employee: projects,
          contact: ['acmeProject', 'annsProject'],
          clientManager: ['acmeProject'],
          accountManager: projects,
          otherContact: ['globexProject'],
        },
      }),
    ),
    ...(['GET /templates', 'GET /templates/:id'] as const).map(
      (route): VisibilityRow => ({
        route,
        kind: route === 'GET /templates' ? 'list' : 'read',
        path: (id) => (route === 'GET /templates' ? '/api/v1/templates' : `/api/v1/templates/${id}`),
        items: templates,
        sees: {
          employee: templates,
          contact: ['firmTemplate', 'acmeTemplate'],
          clientManager: ['firmTemplate', 'acmeTemplate'],
          accountManager: templates,
          otherContact: ['firmTemplate', 'globexTemplate'],
        },
      }),
    ),
    ...(
      ['GET /tasks', 'GET /tasks/:id', 'GET /tasks/:id/participants', 'GET /tasks/:id/history', 'GET /tasks/:id/transitions'] as const
    ).map(
      (route): VisibilityRow => ({
        route,
        kind: route === 'GET /tasks' ? 'list' : 'read',
        path: (id) => (route === 'GET /tasks' ? '/api/v1/tasks?limit=100' : `/api/v1/tasks/${id}${route.slice('GET /tasks/:id'.length)}`),
        items: tasks,
        // Tasks are seen by who takes part: the employee audits Acme's project, Gus Globex's.
        sees: {
          employee: ['acmeTask', 'ownTask'],
          contact: ['ownTask'],
          clientManager: [],
          accountManager: [],
          otherContact: ['globexTask'],
        },
      }),
    ),
    {
      route: 'GET /equipment/:id',
      kind: 'read',
      path: (id) => `/api/v1/equipment/${id}`,
      items: equipment,
      // A client reads its own company's equipment (to pick a device on its ticket), nothing of another company.
      sees: {
        employee: equipment,
        contact: ['printer', 'tray'],
        clientManager: ['printer', 'tray'],
        accountManager: equipment,
        otherContact: ['globexServer'],
      },
    },
    ...(
      ['GET /inquiries', 'GET /inquiries/:id', 'GET /conversations', 'GET /conversations/:id', 'GET /conversations/:id/messages'] as const
    ).map(
      (route): VisibilityRow => ({
        route,
        kind: route.includes(':id') ? 'read' : 'list',
        path: (id) =>
          `/api/v1/${route.split('/')[1]}${route.includes(':id') ? `/${id}` : ''}${route.endsWith('messages') ? '/messages' : ''}`,
        items: inquiries,
        sees: { employee: [], contact: ['ownInquiry'], clientManager: [], accountManager: [], otherContact: ['globexInquiry'] },
      }),
    ),
  ];

  function nameOf(id: string): string {
    return Object.entries(ids).find(([, value]) => value === id)?.[0] ?? `unknown ${id}`;
  }

  it.each(visibility.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const seen = {} as Record<Viewer, string[]>;
    for (const viewer of VIEWERS) {
      const token = viewers[viewer].token;
      if (row.kind === 'list') {
        const response = await stack.http.get(row.path(''), token);
        expect([viewer, response.status]).toEqual([viewer, 200]);
        const items: any[] = Array.isArray(response.body) ? response.body : response.body.items;
        seen[viewer] = items.map((item) => nameOf(item.id)).sort();
      } else {
        seen[viewer] = [];
        for (const item of row.items) {
          const response = await stack.http.get(row.path(ids[item]!), token);
          expect([viewer, item, [200, 404]]).toEqual([viewer, item, expect.arrayContaining([response.status])]);
          if (response.status === 200) seen[viewer].push(item);
        }
        seen[viewer].sort();
      }
    }
    const expected = Object.fromEntries(VIEWERS.map((viewer) => [viewer, [...row.sees[viewer]].sort()]));
    expect(seen).toEqual(expected);
  });

  const statuses: StatusRow[] = [
    ...['/api/v1/companies', '/api/v1/contacts', '/api/v1/departments', '/api/v1/branches', '/api/v1/channels'].map(
      (path): StatusRow => ({
        route: `GET ${path.slice(7)}`,
        path: () => path,
        status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
      }),
    ),
    {
      route: 'GET /companies/{Acme}',
      path: () => `/api/v1/companies/${ids.acme}`,
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    // Another company's equipment tree is 404, as a company that does not exist.
    {
      route: 'GET /companies/{Acme}/equipment',
      path: () => `/api/v1/companies/${ids.acme}/equipment`,
      status: { employee: 200, contact: 200, clientManager: 200, accountManager: 200, otherContact: 404 },
    },
    {
      route: 'GET /companies/{Globex}/equipment',
      path: () => `/api/v1/companies/${ids.globex}/equipment`,
      status: { employee: 200, contact: 404, clientManager: 404, accountManager: 200, otherContact: 200 },
    },
    {
      route: 'GET /contacts/{Colin}',
      path: () => `/api/v1/contacts/${colleague.id}`,
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /staff',
      path: () => '/api/v1/staff',
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /staff/{employee}',
      path: () => `/api/v1/staff/${viewers.employee.id}`,
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /staff/{employee}/schedule',
      path: () => `/api/v1/staff/${viewers.employee.id}/schedule`,
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /staff/{employee}/schedule/now',
      path: () => `/api/v1/staff/${viewers.employee.id}/schedule/now`,
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /rights',
      path: () => '/api/v1/rights',
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    // The tenant's statuses and transitions: configuration every client's tickets and tasks move through, no client's data.
    {
      route: 'GET /workflows',
      path: () => '/api/v1/workflows',
      status: { employee: 200, contact: 200, clientManager: 200, accountManager: 200, otherContact: 200 },
    },
    {
      route: 'GET /groups',
      path: () => '/api/v1/groups',
      status: { employee: 200, contact: 403, clientManager: 403, accountManager: 200, otherContact: 403 },
    },
    {
      route: 'GET /inquiries/routing/preview',
      path: () => `/api/v1/inquiries/routing/preview?contactId=${colleague.id}`,
      status: { employee: 403, contact: 403, clientManager: 403, accountManager: 403, otherContact: 403 },
    },
  ];

  it.each(statuses.map((row) => [row.route, row] as const))('%s', async (_route, row) => {
    const answered = {} as Record<Viewer, number>;
    for (const viewer of VIEWERS) answered[viewer] = (await stack.http.get(row.path(), viewers[viewer].token)).status;
    expect(answered).toEqual(row.status);
  });

  it("a client reads its company's equipment tree to pick a device on its ticket; equipment stays read-only for it", async () => {
    const tree = await stack.http.get(`/api/v1/companies/${ids.acme}/equipment`, viewers.contact.token);
    expect(tree.status).toBe(200);
    expect(tree.body).toEqual([
      expect.objectContaining({
        id: ids.printer,
        name: 'Printer',
        children: [expect.objectContaining({ id: ids.tray, name: 'Paper tray', children: [] })],
      }),
    ]);
    const hidden = await stack.http.get(`/api/v1/companies/${ids.globex}/equipment`, viewers.contact.token);
    expect([hidden.status, hidden.body.code]).toEqual([404, 'COMPANY.NOT_FOUND']);
    const foreign = await stack.http.get(`/api/v1/equipment/${ids.globexServer}`, viewers.contact.token);
    expect([foreign.status, foreign.body.code]).toEqual([404, 'EQUIPMENT.NOT_FOUND']);
    // The device it picked goes on its ticket.
    const ticket = await stack.http.post('/api/v1/orders', { title: 'Ann: printer jams', equipmentId: ids.tray }, viewers.contact.token);
    expect([ticket.status, ticket.body.equipmentId]).toEqual([201, ids.tray]);
    // Writes stay the directory's: 403 for a client, whichever company.
    const writes = [
      await stack.http.post('/api/v1/equipment', { companyId: ids.acme, name: 'Scanner' }, viewers.contact.token),
      await stack.http.patch(`/api/v1/equipment/${ids.printer}`, { name: 'Mine now' }, viewers.contact.token),
      await stack.http.delete(`/api/v1/equipment/${ids.tray}`, viewers.contact.token),
    ];
    expect(writes.map((response) => response.status)).toEqual([403, 403, 403]);
    expect((await stack.http.get(`/api/v1/equipment/${ids.printer}`, tenant.adminToken)).body.name).toBe('Printer');
  });

  it('an employee denied the directory right still cannot read equipment (403)', async () => {
    const courier = await signedInEmployee(stack, tenant, { firstName: 'Cody', position: 'Courier' });
    const denied = await stack.http.put(
      `/api/v1/staff/${courier.id}/rights`,
      { right: 'directory.read', effect: 'deny' },
      tenant.adminToken,
    );
    expect(denied.status).toBe(200);
    expect((await stack.http.get(`/api/v1/companies/${ids.acme}/equipment`, courier.token)).status).toBe(403);
    expect((await stack.http.get(`/api/v1/equipment/${ids.printer}`, courier.token)).status).toBe(403);
  });

  it("a task in another client's project, or from another client's template, is refused and pulls nobody in", async () => {
    const before = await stack.http.get('/api/v1/tasks?limit=100', viewers.otherContact.token);
    for (const fields of [
      { projectId: ids.globexProject, workflowId: undefined, templateId: ids.firmTemplate },
      { templateId: ids.globexTemplate },
    ]) {
      const refused = await stack.http.post('/api/v1/tasks', { title: 'Peek', ...fields }, viewers.contact.token);
      expect([refused.status, refused.body.code]).toEqual([403, fields.projectId ? 'PROJECT.NOT_OWN' : 'TEMPLATE.NOT_OWN']);
    }
    expect((await stack.http.get('/api/v1/tasks?limit=100', viewers.otherContact.token)).body.items).toEqual(before.body.items);
    // A made-up project is still unknown (422 naming the field), as for anyone.
    const unknown = await stack.http.post(
      '/api/v1/tasks',
      { title: 'Ghost', projectId: '01900000-0000-7000-8000-000000000000', templateId: ids.firmTemplate },
      viewers.contact.token,
    );
    expect([unknown.status, unknown.body.code, unknown.body.errors?.[0]?.field]).toEqual([422, 'PROJECT.UNKNOWN', 'projectId']);
    // Its own company's project and template are fine.
    const own = await stack.http.post(
      '/api/v1/tasks',
      { title: 'Fine', projectId: ids.acmeProject, templateId: ids.acmeTemplate },
      viewers.contact.token,
    );
    expect(own.status).toBe(201);
  });

  it("a client names only employees, itself and its own company's contacts on a task; another client's contact is refused", async () => {
    const refused = await stack.http.post(
      '/api/v1/tasks',
      { title: 'Pull Gus in', templateId: ids.firmTemplate, participants: [{ personId: viewers.otherContact.id, role: 'auditor' }] },
      viewers.contact.token,
    );
    expect([refused.status, refused.body.code]).toEqual([403, 'TASK.PARTICIPANT_OTHER_CLIENT']);
    const fine = await stack.http.post(
      '/api/v1/tasks',
      {
        title: 'With my colleague',
        templateId: ids.firmTemplate,
        participants: [
          { personId: colleague.id, role: 'auditor' },
          { personId: viewers.employee.id, role: 'assignee' },
        ],
      },
      viewers.contact.token,
    );
    expect(fine.status).toBe(201);
    const added = await stack.http.patch(
      `/api/v1/tasks/${fine.body.id}/participants`,
      { add: [{ personId: viewers.otherContact.id, role: 'auditor' }] },
      viewers.contact.token,
    );
    expect([added.status, added.body.code]).toEqual([403, 'TASK.PARTICIPANT_OTHER_CLIENT']);
    expect((await stack.http.get(`/api/v1/tasks/${fine.body.id}`, viewers.otherContact.token)).status).toBe(404);
    // An employee names anyone.
    const byEmployee = await stack.http.patch(
      `/api/v1/tasks/${fine.body.id}/participants`,
      { add: [{ personId: viewers.otherContact.id, role: 'auditor' }] },
      viewers.employee.token,
    );
    expect(byEmployee.status).toBe(200);
  });

  it('explain names the client step for a project', async () => {
    const resource = (id: string) => encodeURIComponent(JSON.stringify({ type: 'project', projectId: id }));
    const refused = await stack.http.get(
      `/api/v1/permissions/explain?personId=${viewers.contact.id}&action=project.read&resource=${resource(ids.globexProject)}`,
      tenant.adminToken,
    );
    expect(refused.body).toMatchObject({ allowed: false, code: 'PROJECT.NOT_OWN' });
    expect(refused.body.steps).toContainEqual(expect.objectContaining({ rule: 'project.client', effect: 'deny' }));
    const allowed = await stack.http.get(
      `/api/v1/permissions/explain?personId=${viewers.contact.id}&action=project.read&resource=${resource(ids.acmeProject)}`,
      tenant.adminToken,
    );
    expect(allowed.body).toMatchObject({ allowed: true });
  });

  it('moving a contact to another company moves its projects with it, once the change reaches permissions', async () => {
    const moved = await stack.http.patch(`/api/v1/contacts/${colleague.id}`, { companyId: globex.id }, tenant.adminToken);
    expect(moved.status).toBe(200);
    await eventually(async () => {
      const listed = await stack.http.get('/api/v1/projects', colleague.token);
      expect(listed.body.map((project: any) => nameOf(project.id)).sort()).toEqual(['acmeProject', 'globexProject']);
    }, SLOW);
    // Still an auditor of Acme's project: taking part is the other way in.
    expect((await stack.http.get(`/api/v1/projects/${ids.acmeProject}`, colleague.token)).status).toBe(200);
  });

  it("a contact of another company, or of none, cannot be a company's client manager; nothing changes", async () => {
    const loner = await createPortalContact(stack, tenant, { firstName: 'Lone' });
    for (const personId of [viewers.otherContact.id, loner.id]) {
      const refused = await stack.http.put(
        `/api/v1/companies/${acme.id}/client-managers`,
        { personIds: [viewers.clientManager.id, personId] },
        tenant.adminToken,
      );
      expect([refused.status, refused.body.code, refused.body.errors]).toEqual([
        422,
        'COMPANY.MANAGER_NOT_OF_COMPANY',
        [expect.objectContaining({ field: 'clientManagerIds' })],
      ]);
    }
    const company = await stack.http.get(`/api/v1/companies/${acme.id}`, tenant.adminToken);
    expect(company.body.clientManagerIds.sort()).toEqual([viewers.clientManager.id, viewers.accountManager.id].sort());
  });

  it('a client manager that moves to another company stops managing the old one and loses its tickets', async () => {
    const moved = await stack.http.patch(`/api/v1/contacts/${viewers.clientManager.id}`, { companyId: globex.id }, tenant.adminToken);
    expect(moved.status).toBe(200);
    expect((await stack.http.get(`/api/v1/companies/${acme.id}`, tenant.adminToken)).body.clientManagerIds).toEqual([
      viewers.accountManager.id,
    ]);
    await eventually(async () => {
      const listed = await stack.http.get('/api/v1/orders?limit=100', viewers.clientManager.token);
      expect(listed.body.items).toEqual([]);
    }, SLOW);
    expect((await stack.http.get(`/api/v1/orders/${ids.colleagueOrder}`, viewers.clientManager.token)).status).toBe(404);
    expect((await stack.http.get(`/api/v1/companies/${acme.id}/orders`, viewers.clientManager.token)).body.items).toEqual([]);
  });
});
