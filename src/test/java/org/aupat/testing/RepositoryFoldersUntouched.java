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
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class that writes into the project's {@code data/} or {@code logs/} (the dev profile's
 * archive and logs, the defaults relative to the working folder): every test works in a temporary home.
 * Registered for every test class through META-INF/services; the files a class added are named and
 * removed again, so the next class is not blamed and a developer's folders stay as they were.
 */
public class RepositoryFoldersUntouched implements BeforeAllCallback, AfterAllCallback {
    private static final List<Path> WATCHED = List.of(Path.of("data"), Path.of("logs"));
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
        for (Path path : added) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // left for the developer; the failure below names it
            }
        }
        throw new AssertionError(context.getDisplayName() + " wrote into the project's data/ or logs/ instead of a"
                + " temporary home: " + changed + ". Give the test its own home (every --aupat.* path, or"
                + " InProcessRunner / FoundationContext.settings).");
    }

    /** Every file and folder below the watched folders -> its size and modification time. */
    static Map<Path, String> snapshot() {
        Map<Path, String> entries = new TreeMap<>();
        for (Path folder : WATCHED) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(folder)) {
                walk.filter(p -> !p.equals(folder)).forEach(p -> entries.put(p, state(p)));
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
