package org.aupat.foundation.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

class SqliteNativeLibraryTest {
    @TempDir
    Path dir;

    private static byte[] jarsLibrary() throws IOException {
        try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(in).as("sqlite-jdbc has a library for this platform").isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void keepsAnExactCopyOfTheJarsLibrary() throws IOException {
        Path library = SqliteNativeLibrary.keep(dir.resolve("native")).orElseThrow();
        assertThat(library.getParent()).isEqualTo(dir.resolve("native"));
        assertThat(library.getFileName().toString()).startsWith("sqlitejdbc-" + SQLiteJDBCLoader.getVersion() + "-");
        assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());
        try (var files = Files.list(library.getParent())) {
            assertThat(files.toList()).as("no partial copy left").containsExactly(library);
        }
    }

    @Test
    void aGoodCopyIsReusedNotWrittenAgain() throws IOException {
        Path library = SqliteNativeLibrary.keep(dir).orElseThrow();
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(library, old);
        assertThat(SqliteNativeLibrary.keep(dir)).contains(library);
        assertThat(Files.getLastModifiedTime(library)).isEqualTo(old);
    }

    @Test
    void aDamagedCopyIsReplaced() throws IOException {
        Path library = SqliteNativeLibrary.keep(dir).orElseThrow();
        byte[] bytes = Files.readAllBytes(library);
        bytes[bytes.length / 2] ^= 0x5a; // same size, one byte changed
        Files.write(library, bytes);
        assertThat(SqliteNativeLibrary.keep(dir)).contains(library);
        assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());

        Files.write(library, new byte[] {1, 2, 3}); // cut short
        SqliteNativeLibrary.keep(dir);
        assertThat(Files.readAllBytes(library)).isEqualTo(jarsLibrary());
    }

    @Test
    void aFolderThatCannotHoldItLeavesSqliteToItsOwnExtraction() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        assertThat(SqliteNativeLibrary.keep(notAFolder.resolve("native"))).isEmpty();
        assertThat(Files.readString(notAFolder)).isEqualTo("x");
    }

    private static final List<String> KEYS =
            List.of(SqliteNativeLibrary.FOLDER_PROPERTY, "org.sqlite.lib.path", "org.sqlite.lib.name");

    /** Every connection asks for the library: once it is loaded, no copy is made or checked again. */
    @Test
    void onceLoadedTheLibraryIsNotKeptAgain() {
        SqliteNativeLibrary.load();
        Properties saved = (Properties) System.getProperties().clone();
        try {
            KEYS.forEach(System::clearProperty);
            System.setProperty(SqliteNativeLibrary.FOLDER_PROPERTY, dir.resolve("late").toString());
            SqliteNativeLibrary.load();
            assertThat(dir.resolve("late")).doesNotExist();
        } finally {
            restore(saved);
        }
    }

    @Test
    void pointsSqliteAtTheCopyOnlyWhenAFolderIsNamedAndNoLibraryWasChosen() {
        Properties saved = (Properties) System.getProperties().clone();
        try {
            KEYS.forEach(System::clearProperty);
            SqliteNativeLibrary.useKeptCopy();
            assertThat(System.getProperty("org.sqlite.lib.path")).as("no folder named").isNull();

            System.setProperty(SqliteNativeLibrary.FOLDER_PROPERTY, dir.toString());
            SqliteNativeLibrary.useKeptCopy();
            Path library = dir.resolve(System.getProperty("org.sqlite.lib.name"));
            assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(dir.toAbsolutePath().toString());
            assertThat(library).isRegularFile();

            Map.of("org.sqlite.lib.path", "/chosen", "org.sqlite.lib.name", "by-the-user.so").forEach(System::setProperty);
            SqliteNativeLibrary.useKeptCopy();
            assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo("/chosen");
            assertThat(System.getProperty("org.sqlite.lib.name")).isEqualTo("by-the-user.so");
        } finally {
            restore(saved);
        }
    }

    private static void restore(Properties saved) {
        KEYS.forEach(key -> {
            if (saved.getProperty(key) == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, saved.getProperty(key));
            }
        });
    }
}
