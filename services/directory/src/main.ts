import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { DIRECTORY_SERVICE } from './directory.service-definition';

runService(DIRECTORY_SERVICE);
