package dev.glassbox.model;

import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The memory the engine computes in. Allocating every activation and gradient afresh (and freeing it through the
 * garbage collector) made the engine about 1.2x slower than DL4J's own passes and let native memory grow to
 * gigabytes; ND4J workspaces reuse one block per pass instead, as DL4J does when it trains.
 *
 * <p>A pass opens the forward workspace; a backward pass opens the backward workspace inside it, so that both sets
 * of arrays are in scope (ND4J refuses arrays of a closed workspace). Everything handed to callers is copied out
 * before the forward workspace closes. ND4J keeps workspaces per thread, so every engine on a thread shares the pair;
 * the passes are nested, never interleaved, so that is safe.
 */
final class EngineWorkspaces {

    private static final String FORWARD = "GLASSBOX_ENGINE_FORWARD";
    private static final String BACKWARD = "GLASSBOX_ENGINE_BACKWARD";

    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.05)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .build();

    /** {@code -Dglassbox.workspaces=false} computes without workspaces: slower, but a way around an ND4J bug. */
    private static final boolean ENABLED = !"false".equals(System.getProperty("glassbox.workspaces"));

    private static final LayerWorkspaceMgr FORWARD_ARRAYS =
            ENABLED ? everythingIn(FORWARD) : LayerWorkspaceMgr.noWorkspaces();
    private static final LayerWorkspaceMgr BACKWARD_ARRAYS =
            ENABLED ? everythingIn(BACKWARD) : LayerWorkspaceMgr.noWorkspaces();

    private EngineWorkspaces() {}

    /** Opens the forward workspace; its memory is reused from the start by every pass. */
    static MemoryWorkspace openForward() {
        return ENABLED ? Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, FORWARD)
                : Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }

    static MemoryWorkspace openBackward() {
        return ENABLED ? Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, BACKWARD)
                : Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }

    /**
     * What the forward and the backward workspace allocated in their latest cycle on this thread, in bytes: the memory
     * of the latest pass. Zeros with workspaces off.
     */
    static long[] latestCycle() {
        if (!ENABLED) {
            return new long[] {0, 0};
        }
        long[] bytes = new long[2];
        for (MemoryWorkspace w : Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread()) {
            if (FORWARD.equals(w.getId())) {
                bytes[0] = w.getLastCycleAllocations();
            } else if (BACKWARD.equals(w.getId())) {
                bytes[1] = w.getLastCycleAllocations();
            }
        }
        return bytes;
    }

    static LayerWorkspaceMgr forwardArrays() {
        return FORWARD_ARRAYS;
    }

    static LayerWorkspaceMgr backwardArrays() {
        return BACKWARD_ARRAYS;
    }

    private static LayerWorkspaceMgr everythingIn(String workspace) {
        LayerWorkspaceMgr.Builder b = LayerWorkspaceMgr.builder();
        for (ArrayType type : ArrayType.values()) {
            b.with(type, workspace, CONFIG);
        }
        return b.build();
    }
}
