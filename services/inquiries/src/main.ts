import 'reflect-metadata';
import { runService } from '@warden/service-kit';
import { INQUIRIES_SERVICE } from './inquiries.service-definition';

runService(INQUIRIES_SERVICE);
