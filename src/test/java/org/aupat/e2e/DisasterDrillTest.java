package org.aupat.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill in process (fast); {@link DisasterDrillIT} runs the same on the packaged jar. */
class DisasterDrillTest {
    @TempDir
    Path home;
    @TempDir
    Path nas;

    @Test
    void deleteTheWholeHomeThenRecoverEveryRowAndFileFromTheReplica() throws Exception {
        DisasterDrill.run(new InProcessRunner(home), home, nas);
    }
}
