package org.aupat.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aupat.foundation.config.AupatHome;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that writes into the project's {@code data/} or {@code logs/} (the dev profile's
 * archive and logs), leaves a new file in the project folder itself (a path a test meant for its temporary
 * folder, resolved against the working folder instead), or writes into AUPAT's default home or settings folder
 * ({@link #watched}): every test works in a temporary home.
 * Registered for every test class through META-INF/services; the files a class added are named and
 * removed again, so the next class is not blamed and a developer's folders stay as they were.
 */
public class RepositoryFoldersUntouched implements BeforeAllCallback, AfterAllCallback {
    /** Folder -> how deep it is looked at: the project's folders whole, a user's home to its files' folders. */
    private static final Map<Path, Integer> WATCHED = watched(System.getenv(), System.getProperty("user.home"));
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RepositoryFoldersUntouched.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", snapshot());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<Path, String> before = context.getStore(NAMESPACE).remove("before", Map.class);
        if (before == null) {
            return;
        }
        Map<Path, String> after = snapshot();
        List<String> changed = new ArrayList<>();
        List<Path> added = new ArrayList<>();
        after.forEach((path, state) -> {
            if (!before.containsKey(path)) {
                changed.add(path + " (new)");
                added.add(path);
            } else if (!before.get(path).equals(state)) {
                changed.add(path + " (changed)");
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        added.sort(java.util.Comparator.reverseOrder());
        // Only the project's folders are tidied up; in a user's home nothing is deleted, only named.
        added.removeIf(path -> !path.startsWith("data") && !path.startsWith("logs"));
        for (Path path : added) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // left for the developer; the failure below names it
            }
        }
        throw new AssertionError(context.getDisplayName() + " wrote into the project folder, its data/ or logs/, or"
                + " AUPAT's default home instead of a temporary home: " + changed + ". Give the test its own home (aupat.home and every"
                + " --aupat.* path, or InProcessRunner / FoundationContext.settings / JarRunner).");
    }

    /**
     * The project's {@code data/} and {@code logs/}, the project folder's own entries (a new file there is a path
     * resolved against the working folder by mistake), and AUPAT's default home and settings folder: the real
     * account's ({@code ~/.local/share/aupat}, {@code ~/.config/aupat}) and the ones this JVM's environment
     * names (under Maven, HOME and XDG point into target/test-home, so a test that forgot its own home fails
     * there too instead of writing into the user's). A user's home is looked at two levels deep (the
     * database, each log file, each staging folder): enough to see a run, cheap on a real archive.
     */
    static Map<Path, Integer> watched(Map<String, String> environment, String accountHome) {
        Map<Path, Integer> watched = new java.util.LinkedHashMap<>();
        watched.put(Path.of("data"), Integer.MAX_VALUE);
        watched.put(Path.of("logs"), Integer.MAX_VALUE);
        watched.put(Path.of(""), 1);
        Map<String, String> account = Map.of("HOME", accountHome);
        for (Path home : List.of(AupatHome.dataHome(account, accountHome), AupatHome.configHome(account, accountHome),
                AupatHome.dataHome(environment, accountHome), AupatHome.configHome(environment, accountHome))) {
            watched.putIfAbsent(home, 2);
        }
        return watched;
    }

    /** Every file and folder below the watched folders -> its size and modification time. */
    static Map<Path, String> snapshot() {
        return snapshot(WATCHED);
    }

    static Map<Path, String> snapshot(Map<Path, Integer> watched) {
        Map<Path, String> entries = new TreeMap<>();
        for (Map.Entry<Path, Integer> folder : watched.entrySet()) {
            if (!Files.isDirectory(folder.getKey())) {
                entries.put(folder.getKey(), Files.exists(folder.getKey()) ? "file" : "none");
                continue;
            }
            entries.put(folder.getKey(), "dir");
            try (Stream<Path> walk = Files.walk(folder.getKey(), folder.getValue())) {
                walk.filter(p -> !p.equals(folder.getKey())).forEach(p -> entries.put(p, state(p)));
            } catch (IOException | UncheckedIOException e) {
                // a file removed while walking: the next snapshot sees the folder as it is then
            }
        }
        return entries;
    }

    private static String state(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.isDirectory() ? "dir" : a.size() + "@" + a.lastModifiedTime();
        } catch (NoSuchFileException e) {
            return "gone";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
