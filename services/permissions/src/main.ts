import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { PERMISSIONS_SERVICE } from './permissions.service-definition';

runService(PERMISSIONS_SERVICE);
