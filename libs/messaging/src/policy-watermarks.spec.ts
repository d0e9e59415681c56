import { PolicyWatermarks } from './policy-watermarks';

describe('PolicyWatermarks', () => {
  it('a change naming people makes only their older answers stale', () => {
    const marks = new PolicyWatermarks();
    marks.record('t1', ['X'], 5);
    expect(marks.isCurrent('t1', 'x', 4)).toBe(false);
    expect(marks.isCurrent('t1', 'x', 5)).toBe(true);
    expect(marks.isCurrent('t1', 'y', 4)).toBe(true);
    expect(marks.isCurrent('t2', 'x', 1)).toBe(true);
  });

  it('a tenant-wide change makes everyone’s older answers stale, tenant-wide parts included', () => {
    const marks = new PolicyWatermarks();
    marks.record('t1', null, 7);
    expect(marks.isCurrent('t1', 'y', 6)).toBe(false);
    expect(marks.isCurrent('t1', null, 6)).toBe(false);
    expect(marks.isCurrent('t1', 'y', 7)).toBe(true);
    // A later change naming someone leaves the tenant's watermark where it was.
    marks.record('t1', ['x'], 9);
    expect(marks.isCurrent('t1', 'y', 7)).toBe(true);
    expect(marks.isCurrent('t1', null, 7)).toBe(true);
  });

  it('never moves a watermark back', () => {
    const marks = new PolicyWatermarks();
    marks.record('t1', ['x'], 9);
    marks.record('t1', ['x'], 3);
    marks.record('t1', null, 4);
    marks.record('t1', null, 2);
    expect(marks.isCurrent('t1', 'x', 8)).toBe(false);
    expect(marks.isCurrent('t1', 'y', 3)).toBe(false);
  });

  it('beyond its bound, folds the longest unchanged person into the tenant (stricter, never laxer)', () => {
    const marks = new PolicyWatermarks(2);
    marks.record('t1', ['a'], 3);
    marks.record('t1', ['b'], 4);
    marks.record('t2', ['c'], 5);
    // a's watermark (3) moved to its tenant: everyone in t1 must now be at least at 3.
    expect(marks.isCurrent('t1', 'a', 2)).toBe(false);
    expect(marks.isCurrent('t1', 'z', 2)).toBe(false);
    expect(marks.isCurrent('t1', 'z', 3)).toBe(true);
    expect(marks.isCurrent('t1', 'b', 3)).toBe(false);
  });
});
