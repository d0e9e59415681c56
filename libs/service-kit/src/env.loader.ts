import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';

/**
 * Reads and validates environment variables into a typed config class once, at start-up, so a
 * service with a bad setting refuses to start with a message naming the variable.
 */
export function loadEnv<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: true, excludeExtraneousValues: false });
  const problems = validateSync(config, { whitelist: false, skipMissingProperties: false });
  if (problems.length > 0) {
    const lines = problems.map((problem) => `  ${problem.property}: ${Object.values(problem.constraints ?? {}).join('; ')}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return config;
}
