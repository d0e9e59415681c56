export { WORKFLOW_SERVICE } from './workflow.service-definition';
