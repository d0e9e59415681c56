import { DomainError } from '@warden/kernel';
import { TaskErrors } from './task.errors';
import { planTaskUpdate, taskFieldsRefusal } from './task-update.policy';

describe('a task update: the fields', () => {
  it('accepts a title with text, and no title at all', () => {
    expect(taskFieldsRefusal({ title: 'File the motion' })).toBeNull();
    expect(taskFieldsRefusal({ description: 'only this' })).toBeNull();
  });

  it('refuses an empty title', () => {
    expect(taskFieldsRefusal({ title: '' })?.toPayload()).toEqual(TaskErrors.titleRequired().toPayload());
  });
});

describe('a task update: what it writes', () => {
  it('writes the title and the description as given', () => {
    expect(planTaskUpdate({ version: 2 }, { expectedVersion: 2, changes: { title: 'File the motion', description: '' } })).toEqual({
      title: 'File the motion',
      description: '',
    });
  });

  it('leaves out what the change does not name, and is not checked against a version when it names none', () => {
    expect(planTaskUpdate({ version: 2 }, { changes: { description: 'by Friday' } })).toEqual({
      title: undefined,
      description: 'by Friday',
    });
  });

  it('refuses another version than the request names', () => {
    const outcome = planTaskUpdate({ version: 2 }, { expectedVersion: 1, changes: { title: 'x' } });
    expect(outcome).toBeInstanceOf(DomainError);
    expect((outcome as DomainError).toPayload()).toEqual(TaskErrors.versionMismatch(1, 2).toPayload());
  });
});
