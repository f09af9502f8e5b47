package org.aupat.foundation.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.aupat.foundation.error.PreflightError;
import org.aupat.foundation.logging.LogMarkers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Keeps sqlite-jdbc's native library in a folder that outlives the run, when the JVM option
 * {@value #FOLDER_PROPERTY} names one (bin/aupat does). Otherwise sqlite-jdbc extracts the library to
 * the temporary folder on every start and compares it byte by byte, about 50 ms of each database
 * script's start-up, and a killed run leaves the copy behind.
 */
final class SqliteNativeLibrary {
    static final String FOLDER_PROPERTY = "aupat.sqlite-native-folder";
    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final Logger log = LoggerFactory.getLogger(SqliteNativeLibrary.class);
    private static boolean loaded;

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the kept copy, if a folder is named and nobody chose a library already. */
    static void useKeptCopy() {
        String folder = System.getProperty(FOLDER_PROPERTY, "");
        if (folder.isBlank() || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        keep(Path.of(folder)).ifPresent(library -> {
            System.setProperty(PATH_PROPERTY, library.getParent().toString());
            System.setProperty(NAME_PROPERTY, library.getFileName().toString());
        });
    }

    /**
     * Loads SQLite's native library (the kept copy, else sqlite-jdbc's own extraction); called before any
     * connection is opened. A failure then names the folder at fault: seen through a connection, it
     * reads as if the database file were damaged. Once loaded, later calls return at once: a copy that
     * could not be kept is not tried again for every read-only connection.
     */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        useKeptCopy();
        try {
            SQLiteJDBCLoader.initialize();
            loaded = true;
        } catch (Exception e) {
            String temporary = System.getProperty("org.sqlite.tmpdir", System.getProperty("java.io.tmpdir"));
            String kept = System.getProperty(FOLDER_PROPERTY, "");
            throw new PreflightError("cannot load SQLite's native library. sqlite-jdbc unpacks it into the temporary"
                    + " folder " + temporary + ", which must exist, be writable and allow programs to run (not"
                    + " mounted noexec)" + (kept.isBlank() ? "" : "; the copy kept in " + kept + " could not be used either")
                    + ". Point -Djava.io.tmpdir (in JAVA_OPTS for bin/aupat) at such a folder. The database was not"
                    + " touched. (sqlite-jdbc: " + e.getMessage() + ")", e);
        }
    }

    /**
     * The copy of this platform's library in the folder, extracted first if it is missing or differs
     * from the one in the jar (size and CRC-32 of the jar entry); empty, so that sqlite-jdbc falls back
     * to its own extraction, if the jar has none or the folder cannot hold it.
     */
    static Optional<Path> keep(Path folder) {
        URL resource = SQLiteJDBCLoader.class.getResource(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName());
        if (resource == null) {
            return Optional.empty();
        }
        Path part = null;
        try {
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                return Optional.empty();
            }
            jar.setUseCaches(false);
            try (var jarFile = jar.getJarFile()) {
                JarEntry entry = jar.getJarEntry();
                // The CRC in the name: another sqlite-jdbc build never finds this one and takes it for its own.
                Path library = folder.resolve("sqlitejdbc-" + SQLiteJDBCLoader.getVersion() + "-"
                        + Long.toHexString(entry.getCrc()) + ".so").toAbsolutePath();
                if (matches(library, entry)) {
                    return Optional.of(library);
                }
                Files.createDirectories(folder);
                part = Files.createTempFile(folder, "sqlitejdbc-", ".part");
                try (InputStream in = jarFile.getInputStream(entry)) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!matches(part, entry)) {
                    throw new IOException("the copy at " + part + " differs from the jar's");
                }
                // Atomic: a script starting at the same moment sees the old copy or the whole new one.
                Files.move(part, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                log.debug("kept sqlite's native library at {}", library);
                return Optional.of(library);
            }
        } catch (IOException | RuntimeException e) {
            log.warn(LogMarkers.FILE_ONLY, "cannot keep sqlite's native library in {} ({}); sqlite-jdbc extracts it"
                    + " to the temporary folder instead", folder, e.toString());
            return Optional.empty();
        } finally {
            deleteQuietly(part);
        }
    }

    private static boolean matches(Path file, JarEntry entry) throws IOException {
        if (!Files.isRegularFile(file) || Files.size(file) != entry.getSize()) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(file));
        return crc.getValue() == entry.getCrc();
    }

    private static void deleteQuietly(Path part) {
        if (part == null) {
            return;
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            log.debug("could not delete {}: {}", part, e.toString());
        }
    }
}
