package org.aupat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.aupat.testing.MediaFactory;

/** What the jar-level crash tests share: a home with one imported location, and photos counted mid-run. */
final class CrashFixtures {
    private CrashFixtures() {
    }

    /**
     * Imports {@code photos} Canon photos made in {@code card} into a new location of that name (NY, industrial)
     * through {@code aupat}'s pipeline; {@code settings} are added to the command. An {@link InProcessRunner}
     * where the import only sets the stage for the run that is killed (the archive it leaves on disk is the
     * same; it skips a JVM start).
     */
    static void importLocation(AupatRun aupat, Path card, int photos, String name, String... settings) throws Exception {
        Files.createDirectories(card);
        new MediaFactory(card).photos("IMG_", photos, "Canon");
        String[] args = Stream.concat(Stream.of("--script=pipeline", "--source=" + card, "--name=" + name,
                "--state=ny", "--type=industrial"), Stream.of(settings)).toArray(String[]::new);
        JarRunner.Result r = aupat.run(args);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    /**
     * Photos ({@code .jpg}, so no temporary name) below a folder, counted while the jar may be moving them:
     * 0 when the folder is not there, -1 when a file went away mid-walk.
     */
    static long count(Path root) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.getFileName().toString().endsWith(".jpg")).count();
        } catch (IOException | java.io.UncheckedIOException movedMeanwhile) {
            return -1;
        }
    }
}
