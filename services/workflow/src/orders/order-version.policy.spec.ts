import { OrderErrors } from './order.errors';
import { orderVersionRefusal } from './order-version.policy';

describe("an order change naming the order's version (If-Match)", () => {
  it('passes when the version is the current one', () => {
    expect(orderVersionRefusal({ version: 4 }, 4)).toBeNull();
  });

  it('passes unchecked when the change names no version', () => {
    expect(orderVersionRefusal({ version: 4 }, undefined)).toBeNull();
  });

  it('refuses an older (or any other) version, telling the current one', () => {
    expect(orderVersionRefusal({ version: 4 }, 3)?.toPayload()).toEqual(OrderErrors.versionMismatch(3, 4).toPayload());
    expect(orderVersionRefusal({ version: 4 }, 5)?.toPayload()).toMatchObject({
      code: 'ORDER.VERSION_MISMATCH',
      kind: 'conflict',
      message: 'The order is at version 4, not 5; reload it and retry',
      details: { currentVersion: 4 },
    });
  });
});
