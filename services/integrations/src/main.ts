import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { INTEGRATIONS_SERVICE } from './integrations.service-definition';

runService(INTEGRATIONS_SERVICE);
