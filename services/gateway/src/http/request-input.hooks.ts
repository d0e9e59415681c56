import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@warden/kernel';
import { findInputProblem } from './input-check';

function refuse(field: string, reason: string): DomainError {
  return new DomainError('REQUEST.INVALID', 'validation', `${field} ${reason}`, [{ field, reason }]);
}

/**
 * The one place where request input is checked before any guard, pipe or handler sees it:
 * - bodies are JSON only (the text/plain parser Fastify adds by default goes; other types answer 415);
 * - an empty JSON body is no body (many clients send `content-type: application/json` on a bodiless POST),
 *   so a route without a body takes it and a route with one reports its missing fields;
 * - the parsed body, the query and the path parameters may not hold NUL characters, lone surrogates or
 *   nesting deeper than MAX_INPUT_DEPTH (422 naming the field) — see input-check.ts for why.
 * Headers need no check here: Node's parser refuses control characters in them, and they are Latin-1.
 */
export function installRequestInputChecks(fastify: FastifyInstance): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(null, undefined);
    parseJson(request, text, (error, parsed) => {
      if (error) return done(error, undefined);
      const problem = findInputProblem(parsed);
      if (problem) return done(refuse(problem.field, problem.reason), undefined);
      done(null, parsed);
    });
  });
  fastify.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const problem = findInputProblem(request.query) ?? findInputProblem(request.params);
    if (problem) throw refuse(problem.field, problem.reason);
  });
}
