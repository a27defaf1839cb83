import { ERLANG_A_SCRATCH_LENGTH } from '../queueing/erlang-a-measures-into.js';
import { RESULT_SLOTS } from './staffing-slots.js';
import { createStaffingWorkspace, ERLANG_A_BLOCK } from './staffing-workspace.js';

describe('createStaffingWorkspace', () => {
  it('allocates the result block, interpolation points and Erlang A blocks once', () => {
    const workspace = createStaffingWorkspace();
    expect(workspace.result.length).toBe(RESULT_SLOTS);
    expect(workspace.points.length).toBe(16);
    expect(workspace.erlangABlocks.length).toBe(3 * ERLANG_A_BLOCK);
    expect(workspace.erlangAScratch.length).toBe(ERLANG_A_SCRATCH_LENGTH);
    expect(createStaffingWorkspace().result).not.toBe(workspace.result);
  });
});
