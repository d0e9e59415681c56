export * from './test.env';
export * from './http.client';
export * from './event-stream.reader';
export * from './eventually';
export * from './nats.connect';
export * from './openapi-response.validator';
export * from './asyncapi-event.validator';
export * from './library-test.events';
