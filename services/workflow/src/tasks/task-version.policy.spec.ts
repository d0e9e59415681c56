import { TaskErrors } from './task.errors';
import { taskVersionRefusal } from './task-version.policy';

describe("a task change naming the task's version (If-Match)", () => {
  it('passes when the version is the current one', () => {
    expect(taskVersionRefusal({ version: 4 }, 4)).toBeNull();
  });

  it('passes unchecked when the change names no version', () => {
    expect(taskVersionRefusal({ version: 4 }, undefined)).toBeNull();
  });

  it('refuses an older (or any other) version, telling the current one', () => {
    expect(taskVersionRefusal({ version: 4 }, 3)?.toPayload()).toEqual(TaskErrors.versionMismatch(3, 4).toPayload());
    expect(taskVersionRefusal({ version: 4 }, 5)?.toPayload()).toMatchObject({
      code: 'TASK.VERSION_MISMATCH',
      kind: 'conflict',
      message: 'The task is at version 4, not 5; reload it and retry',
      details: { currentVersion: 4 },
    });
  });
});
