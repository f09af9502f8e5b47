package org.aupat.archive.maintenance;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the maintenance service tests: a fresh {@link Fixture} in a temporary home per test. */
abstract class FixtureTest {
    @TempDir
    Path home;
    Fixture f;

    @BeforeEach
    void createFixture() {
        f = new Fixture(home);
    }

    @AfterEach
    void closeFixture() {
        f.close();
    }
}
