import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { WORKFLOW_SERVICE } from './workflow.service-definition';

runService(WORKFLOW_SERVICE);
