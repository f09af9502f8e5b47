package org.aupat.archive.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Original names are recorded as text that maps back to their exact bytes, whatever those bytes are. */
class OriginalNamesTest {
    @TempDir
    Path source;

    @Test
    void everyNameOnDiskIsRecordedWithoutLossAndMapsBackToItsFile() throws Exception {
        Files.writeString(source.resolve("Café.txt"), "utf-8 name");
        Files.writeString(source.resolve("back\\slash.txt"), "a backslash");
        Files.writeString(source.resolve("looks\\xE9escaped.txt"), "a name that looks escaped");
        // Latin-1 bytes (not UTF-8) and a lone continuation byte, as an old camera or a Windows copy leaves them.
        Process printf = new ProcessBuilder("sh", "-c", "cd \"$1\" && printf latin1 > \"$(printf 'caf\\351.txt')\""
                + " && printf cont > \"$(printf 'x\\200y.txt')\"", "sh", source.toString()).inheritIO().start();
        assertThat(printf.waitFor()).isZero();

        Map<String, Path> recorded = new HashMap<>();
        List<String> names = new ArrayList<>();
        SourceWalker.walk(source, entry -> {
            String text = OriginalNames.text(entry.path().getFileName());
            names.add(text);
            recorded.put(text, entry.path());
        });
        assertThat(names).containsExactlyInAnyOrder("Café.txt", "back\\\\slash.txt", "looks\\\\xE9escaped.txt",
                "caf\\xE9.txt", "x\\x80y.txt").noneMatch(n -> n.contains("\uFFFD"));
        for (Map.Entry<String, Path> name : recorded.entrySet()) {
            Path back = fromBytes(OriginalNames.bytes(name.getKey()));
            assertThat(Files.isSameFile(back, name.getValue())).as(name.getKey()).isTrue();
        }
        assertThat(OriginalNames.bytes("caf\\xE9.txt")).containsExactly('c', 'a', 'f', 0xe9, '.', 't', 'x', 't');
        assertThat(OriginalNames.text(source.resolve("Café.txt"))).isEqualTo(source + "/Café.txt");
    }

    /** The file whose name has exactly these bytes: a file URI carries bytes, a String does not. */
    private Path fromBytes(byte[] name) {
        StringBuilder uri = new StringBuilder(source.toUri().toString());
        for (byte b : name) {
            uri.append(String.format("%%%02X", b & 0xff));
        }
        return Path.of(URI.create(uri.toString()));
    }

    @Test
    void plainNamesStayAsTheyAre() {
        assertThat(OriginalNames.text(Path.of("DCIM/100MEDIA/IMG_0001.JPG"))).isEqualTo("DCIM/100MEDIA/IMG_0001.JPG");
        assertThat(new String(OriginalNames.bytes("Straße/ß.jpg"), StandardCharsets.UTF_8)).isEqualTo("Straße/ß.jpg");
    }
}
