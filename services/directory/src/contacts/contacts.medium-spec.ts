import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { newId } from '@warden/kernel';
import { CompanyClientManagersChangedV1, ContactUpdatedV1 } from '@warden/contracts';
import type { ContactFields, RequestContext } from '@warden/contracts';
import { startMedium } from '@warden/medium-testing';
import type { Medium } from '@warden/medium-testing';
import { CreateCompanyCommand } from '../companies/create-company.handler';
import { UpdateCompanyCommand } from '../companies/update-company.handler';
import { DIRECTORY_SERVICE } from '../directory.service-definition';
import { ContactsModule } from './contacts.module';
import { CreateContactCommand } from './create-contact.handler';
import { ListContactsQuery } from './list-contacts.handler';
import { UpdateContactCommand } from './update-contact.handler';

/** A contact's company (and the client-manager role it ends), and the contact search as the repository's SQL runs it. */
describe('contacts (medium: service + PostgreSQL)', () => {
  let medium: Medium;
  let commands: CommandBus;
  let queries: QueryBus;
  let ctx: RequestContext;

  beforeAll(async () => {
    medium = await startMedium(DIRECTORY_SERVICE, { imports: [ContactsModule] });
    commands = medium.get(CommandBus);
    queries = medium.get(QueryBus);
  });

  afterAll(() => medium?.close());

  beforeEach(() => {
    ctx = { tenantId: newId(), actorId: newId(), requestId: 'medium' };
  });

  const contact = (lastName: string, fields: Partial<ContactFields> = {}) =>
    commands.execute(
      new CreateContactCommand(ctx, { lastName, firstName: 'Anna', email: `${lastName.toLowerCase()}@example.test`, ...fields }),
    );

  describe('company placement', () => {
    it("moving a client manager to another company ends the role at the old one: rows and events in the contact's transaction", async () => {
      const [acme, globex] = [
        await commands.execute(new CreateCompanyCommand(ctx, { name: 'Acme' })),
        await commands.execute(new CreateCompanyCommand(ctx, { name: 'Globex' })),
      ];
      const manager = await contact('Ivanova', { companyId: acme.id });
      await commands.execute(new UpdateCompanyCommand(ctx, acme.id, { clientManagerIds: [manager.id] }));

      const moved = await commands.execute(new UpdateContactCommand(ctx, manager.id, { companyId: globex.id.toUpperCase() }));

      expect(moved.companyId).toBe(globex.id);
      expect(await medium.rows('SELECT company_id FROM contacts WHERE id = $1', [manager.id])).toEqual([{ company_id: globex.id }]);
      expect(await medium.rows('SELECT person_id FROM company_client_managers WHERE company_id = $1', [acme.id])).toEqual([]);
      const events = (await medium.outbox(ctx.tenantId)).slice(-3);
      expect(events.map((event) => event.type)).toEqual([
        ContactUpdatedV1.type,
        'directory.company.updated.v1',
        CompanyClientManagersChangedV1.type,
      ]);
      expect(events[2]).toMatchObject({ subject: acme.id, data: { removedPersonIds: [manager.id], clientManagerIds: [] } });
    });

    it('refuses a company of another tenant, and a contact of one company as manager of another, writing nothing', async () => {
      const acme = await commands.execute(new CreateCompanyCommand(ctx, { name: 'Acme' }));
      const elsewhere = await commands.execute(new CreateCompanyCommand({ ...ctx, tenantId: newId() }, { name: 'Elsewhere' }));
      const outsider = await contact('Petrov');
      const before = await medium.outbox(ctx.tenantId);

      await expect(contact('Sidorov', { companyId: elsewhere.id })).rejects.toMatchObject({
        code: 'COMPANY.UNKNOWN',
        fields: [{ field: 'companyId' }],
      });
      await expect(commands.execute(new UpdateContactCommand(ctx, outsider.id, { companyId: elsewhere.id }))).rejects.toMatchObject({
        code: 'COMPANY.UNKNOWN',
      });
      const acmeContact = await contact('Smirnov', { companyId: acme.id });
      const globex = await commands.execute(new CreateCompanyCommand(ctx, { name: 'Globex' }));
      await expect(
        commands.execute(new UpdateCompanyCommand(ctx, globex.id, { clientManagerIds: [acmeContact.id] })),
      ).rejects.toMatchObject({ code: 'COMPANY.MANAGER_NOT_OF_COMPANY' });

      expect(await medium.rows("SELECT last_name FROM contacts WHERE tenant_id = $1 AND last_name = 'Sidorov'", [ctx.tenantId])).toEqual(
        [],
      );
      expect(await medium.rows('SELECT company_id FROM contacts WHERE id = $1', [outsider.id])).toEqual([{ company_id: null }]);
      expect(await medium.rows('SELECT * FROM company_client_managers WHERE company_id = $1', [globex.id])).toEqual([]);
      expect((await medium.outbox(ctx.tenantId)).slice(before.length).map((event) => event.type)).toEqual([
        'directory.contact.created.v1',
        'directory.company.created.v1',
      ]);
    });
  });

  describe('search', () => {
    const search = async (data: { search?: string; phone?: string }) =>
      (await queries.execute(new ListContactsQuery(ctx.tenantId, { ...data, limit: 50 }))).items.map((item) => item.lastName).sort();

    beforeEach(async () => {
      await contact('Kuznetsov', { phone: '+7 (912) 345-67-89' });
      await contact('Popov', { phone: '8 800 555 35 35' });
      await contact('Under_score');
    });

    it('finds a phone however it is written, by its digits, from three digits on', async () => {
      expect(await search({ search: '912 345' })).toEqual(['Kuznetsov']);
      expect(await search({ search: '(912)345-67' })).toEqual(['Kuznetsov']);
      expect(await search({ phone: '555-35' })).toEqual(['Popov']);
      expect(await search({ search: '35' })).toEqual([]);
      expect(await search({ phone: '+7 000' })).toEqual([]);
    });

    it('matches names and emails case-insensitively, with % and _ taken literally', async () => {
      expect(await search({ search: 'KUZN' })).toEqual(['Kuznetsov']);
      expect(await search({ search: 'r_s' })).toEqual(['Under_score']);
      expect(await search({ search: 'r_' })).toEqual(['Under_score']);
      expect(await search({ search: '%' })).toEqual([]);
      expect(await search({ search: 'p_pov' })).toEqual([]);
    });
  });
});
