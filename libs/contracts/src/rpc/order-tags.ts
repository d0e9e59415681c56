/**
 * An order's tags, as a helpdesk's users know them from Zendesk: short lower-case labels (`vip`, `key-account`,
 * `billing:refund`) a person sets on a ticket and rules add and test. What a tag may be is decided in one place,
 * services/workflow/src/orders/order-tags.policy.ts (trimmed, lower-cased, then letters, digits, `-`, `_`, `:`); the
 * request classes only bound the input, so a refusal can name the tag's index (`tags.2`).
 */
export const ORDER_TAGS_MAX = 20;
export const ORDER_TAG_MAX_LENGTH = 50;
/** How many tags one request may send before they are de-duplicated and counted against ORDER_TAGS_MAX. */
export const ORDER_TAGS_INPUT_MAX = 100;
