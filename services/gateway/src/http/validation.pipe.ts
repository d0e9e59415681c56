import { ValidationPipe } from '@nestjs/common';
import { DomainError, fieldProblems } from '@warden/kernel';

/**
 * Validates and transforms every body and query against its DTO; unknown fields are refused.
 * The failure names each field and why, as a 422 problem.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = fieldProblems(errors);
      const summary = fields.map((problem) => `${problem.field} ${problem.reason}`).join('; ');
      return new DomainError('REQUEST.INVALID', 'validation', summary || 'The request is not valid', fields);
    },
  });
}
