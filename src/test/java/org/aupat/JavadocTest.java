package org.aupat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** "Documentation complete": every public top-level type says in Javadoc what it is for. */
class JavadocTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public\\s+(?:(?:abstract|final|sealed|non-sealed|static)\\s+)*(?:class|interface|enum|record|@interface)\\s+(\\w+)",
            Pattern.MULTILINE);
    /** What may stand between a Javadoc comment and its type: annotations (possibly over several lines) and space. */
    private static final Pattern ANNOTATIONS_ONLY = Pattern.compile("\\s*(@[\\s\\S]*)?");

    @Test
    void everyPublicTopLevelTypeHasJavadoc() throws IOException {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher type = PUBLIC_TYPE.matcher(source);
                if (type.find()) {
                    checked++;
                    if (!documented(source.substring(0, type.start()))) {
                        missing.add(file + " (" + type.group(1) + ")");
                    }
                }
            }
        }
        assertThat(checked).as("public types found").isGreaterThan(40);
        assertThat(missing).as("public types without a /** comment right before them").isEmpty();
    }

    @Test
    void theScanSeesAMissingComment() {
        assertThat(documented("package a;\n\nimport b;\n\n@Component\n")).isFalse();
        assertThat(documented("package a;\n/* not javadoc */\n")).isFalse();
        assertThat(documented("package a;\n/** Does a thing. */\n@Component\n@Command(name = \"x\",\n  d = {\"y\"})\n"))
                .isTrue();
    }

    /** Whether the text before a type declaration ends with a Javadoc comment, then only annotations. */
    static boolean documented(String before) {
        int end = before.lastIndexOf("*/");
        if (end < 0) {
            return false;
        }
        int start = before.lastIndexOf("/*", end);
        return start >= 0 && before.startsWith("/**", start)
                && ANNOTATIONS_ONLY.matcher(before.substring(end + 2)).matches();
    }
}
