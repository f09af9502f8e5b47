package org.aupat.e2e;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore drill on the packaged jar, as a user would run it after losing the disk that held the home. */
class DisasterDrillIT {
    @TempDir
    Path home;
    @TempDir
    Path nas;

    @Test
    void deleteTheWholeHomeThenRecoverEveryRowAndFileFromTheReplica() throws Exception {
        DisasterDrill.run(new JarRunner(home), home, nas);
    }
}
