package org.parley.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target for signed notes (checkpoints in agreement documents, reports and bundles): any text is a checkpoint or
 * refused with an {@link IllegalArgumentException} naming what is wrong.
 */
class CheckpointFuzzTest {

    @FuzzTest
    void anyNoteIsACheckpointOrRefusedWithAReason(String note) {
        if (note == null) {
            return;
        }
        try {
            Checkpoint.parse(note);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
