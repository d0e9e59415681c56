import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { generateAsyncApi } from '@warden/contracts';

interface AsyncApiMessage {
  name: string;
  payload: Record<string, unknown>;
}

/**
 * Checks a message read from the event stream against the payload its AsyncAPI message declares (the whole
 * structured CloudEvent, data included), so an event that differs from the published contract fails the test
 * that read it.
 */
export class AsyncApiEventValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true });
  private readonly messages = new Map<string, AsyncApiMessage>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: Record<string, unknown> = generateAsyncApi()) {
    addFormats(this.ajv, ['date-time', 'uuid', 'email', 'uri']);
    const components = document.components as { messages: Record<string, AsyncApiMessage> };
    for (const message of Object.values(components.messages)) this.messages.set(message.name, message);
  }

  /** How the event differs from its documented message; empty when it matches. */
  check(event: unknown): string[] {
    const type = (event as { type?: unknown } | null)?.type;
    const message = typeof type === 'string' ? this.messages.get(type) : undefined;
    if (!message) return [`no AsyncAPI message for the event type ${JSON.stringify(type)}`];
    let validate = this.compiled.get(message.name);
    if (!validate) {
      validate = this.ajv.compile(message.payload);
      this.compiled.set(message.name, validate);
    }
    if (validate(event)) return [];
    return (validate.errors ?? []).map(
      (error) => `${message.name}: ${error.instancePath || '/'} ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`,
    );
  }
}

let shared: AsyncApiEventValidator | undefined;

/** Throws when a message read from the stream is not what the AsyncAPI document says it is. */
export function assertDocumentedEvent(event: unknown): void {
  shared ??= new AsyncApiEventValidator();
  const differences = shared.check(event);
  if (differences.length > 0)
    throw new Error(`An event differs from the AsyncAPI document:\n${differences.join('\n')}\nevent: ${JSON.stringify(event)}`);
}
