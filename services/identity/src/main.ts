import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { IDENTITY_SERVICE } from './identity.service-definition';

runService(IDENTITY_SERVICE);
