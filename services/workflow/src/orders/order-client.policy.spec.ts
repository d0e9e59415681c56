import { OrderErrors } from './order.errors';
import { equipmentRefusal } from './order-client.policy';

const ACME = '0192f0c4-0000-7000-8000-0000000000e1';
const GLOBEX = '0192f0c4-0000-7000-8000-0000000000e2';

describe("equipment on an order belongs to the client's company", () => {
  it("accepts equipment of the client's company", () => {
    expect(equipmentRefusal(ACME, { companyId: ACME })).toBeNull();
  });

  it('refuses equipment when the order has no client company', () => {
    expect(equipmentRefusal(null, { companyId: ACME })?.toPayload()).toEqual(OrderErrors.equipmentWithoutCompany().toPayload());
  });

  it('refuses equipment of another company', () => {
    expect(equipmentRefusal(ACME, { companyId: GLOBEX })?.toPayload()).toEqual(OrderErrors.equipmentOfOtherCompany().toPayload());
  });
});
