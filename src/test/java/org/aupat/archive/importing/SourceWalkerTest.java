package org.aupat.archive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.aupat.archive.importing.SourceWalker.Entry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWalkerTest {
    @TempDir
    Path source;

    private List<Entry> walk() {
        List<Entry> entries = new ArrayList<>();
        SourceWalker.walk(source, entries::add);
        return entries;
    }

    @Test
    void visitsFilesInNameOrderFolderByFolder() throws Exception {
        Files.createDirectories(source.resolve("b/inner"));
        Files.createDirectories(source.resolve("a"));
        for (String f : List.of("z.jpg", "a.jpg", "b/2.jpg", "b/1.jpg", "b/inner/x.mov", "a/only.pdf")) {
            Files.writeString(source.resolve(f), f);
        }
        List<String> order = walk().stream().map(e -> source.relativize(e.path()).toString()).toList();
        assertThat(order).containsExactly("a.jpg", "z.jpg", "a/only.pdf", "b/1.jpg", "b/2.jpg", "b/inner/x.mov");
        assertThat(walk()).allMatch(Entry::isFile);
        assertThat(walk().get(0).size()).isEqualTo(5);
    }

    @Test
    void neverFollowsSymlinksAndNamesThem() throws Exception {
        Path outside = Files.createTempDirectory("outside");
        Files.writeString(outside.resolve("secret.jpg"), "not yours");
        Files.createSymbolicLink(source.resolve("link-dir"), outside);
        Files.createSymbolicLink(source.resolve("link.jpg"), outside.resolve("secret.jpg"));
        List<Entry> entries = walk();
        assertThat(entries).hasSize(2).noneMatch(Entry::isFile);
        assertThat(entries).allMatch(e -> e.skipReason().contains("symbolic link"));
    }

    @Test
    void skipsAFifoWithoutOpeningIt() throws Exception {
        Path fifo = source.resolve("pipe.jpg");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        List<Entry> entries = walk();
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.skipReason()).contains("not a regular file"));
    }

    @Test
    void walksAVeryDeepTreeWithoutRecursion() throws Exception {
        Path deep = source;
        for (int i = 0; i < 300; i++) {
            deep = deep.resolve("d");
        }
        Files.createDirectories(deep);
        Path bottom = Files.writeString(deep.resolve("bottom.jpg"), "x");
        assertThat(walk()).singleElement().satisfies(e -> assertThat(e.path()).isEqualTo(bottom));
    }
}
