package org.aupat.foundation.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.aupat.foundation.error.ValidationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidationTest {
    @TempDir
    Path dir;

    private static void refused(Runnable check, String field, String value, String problem) {
        assertThatThrownBy(check::run).isInstanceOfSatisfying(ValidationError.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.value()).isEqualTo(value);
            assertThat(e.getMessage()).contains(field).contains(problem);
        });
    }

    @Test
    void transliteratesToAscii() {
        assertThat(Ascii.transliterate("Café Élan Théâtre")).isEqualTo("Cafe Elan Theatre");
        assertThat(Ascii.transliterate("Straße")).isEqualTo("Strasse");
        assertThat(Ascii.transliterate("Łódź")).isEqualTo("Lodz");
        assertThat(Ascii.transliterate("Old Mill ½ Café")).isEqualTo("Old Mill  1/2 Cafe");
    }

    @Test
    void plainAsciiSkipsIcuBecauseIcuWouldLeaveItAsItIs() {
        var icu = com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        assertThat(icu.transliterate(every.toString())).isEqualTo(every.toString());
        assertThat(Ascii.transliterate(every.toString())).isEqualTo(every.toString());
    }

    @Test
    void locationNamesAreAsciiTrimmedAndCollapsed() {
        assertThat(LocationNames.normalise("name", "  Café \t Élan   Théâtre ")).isEqualTo("Cafe Elan Theatre");
    }

    @Test
    void locationNamesKeepAllowedPunctuation() {
        assertThat(LocationNames.normalise("name", "O'Neil_Mill-2")).isEqualTo("O'Neil_Mill-2");
        assertThat(LocationNames.normalise("name", "x".repeat(255))).hasSize(255);
    }

    @Test
    void badLocationNamesAreRefused() {
        refused(() -> LocationNames.normalise("name", "St. Mary's"), "name", "St. Mary's", "only letters");
        refused(() -> LocationNames.normalise("name", "   "), "name", "   ", "is empty");
        refused(() -> LocationNames.normalise("name", null), "name", null, "is missing");
        refused(() -> LocationNames.normalise("aka", "x".repeat(256)), "aka", "x".repeat(256), "at most 255");
    }

    @Test
    void uuidV4() {
        assertThat(Identifiers.uuid("uuid", "3f2504e0-4f89-41d3-9a0c-0305e82c3301"))
                .isEqualTo("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
        refused(() -> Identifiers.uuid("uuid", "3F2504E0-4F89-41D3-9A0C-0305E82C3301"), "uuid",
                "3F2504E0-4F89-41D3-9A0C-0305E82C3301", "not a UUID v4");
        refused(() -> Identifiers.uuid("uuid", "3f2504e0-4f89-11d3-9a0c-0305e82c3301"), "uuid",
                "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "not a UUID v4");
        refused(() -> Identifiers.uuid("uuid", "3f2504e04f8941d39a0c0305e82c3301"), "uuid",
                "3f2504e04f8941d39a0c0305e82c3301", "not a UUID v4");
        refused(() -> Identifiers.uuid("uuid", null), "uuid", null, "is missing");
        assertThat(Identifiers.isUuid("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).isTrue();
        assertThat(Identifiers.isUuid("3f2504e0-4f89-41d3-ca0c-0305e82c3301")).as("variant").isFalse();
        assertThat(Identifiers.isUuid(null)).isFalse();
    }

    @Test
    void sha256() {
        String sha = "a".repeat(64);
        assertThat(Identifiers.sha256("sha", sha)).isEqualTo(sha);
        refused(() -> Identifiers.sha256("sha", "A".repeat(64)), "sha", "A".repeat(64), "not a SHA-256");
        refused(() -> Identifiers.sha256("sha", "a".repeat(63)), "sha", "a".repeat(63), "not a SHA-256");
        refused(() -> Identifiers.sha256("sha", "g".repeat(64)), "sha", "g".repeat(64), "not a SHA-256");
        assertThat(Identifiers.isSha256(sha)).isTrue();
        assertThat(Identifiers.isSha256("a".repeat(65))).isFalse();
        assertThat(Identifiers.isSha256(null)).isFalse();
    }

    @Test
    void extensions() {
        assertThat(Identifiers.extension("ext", "JPG")).isEqualTo("jpg");
        assertThat(Identifiers.extension("ext", ".mp4")).isEqualTo("mp4");
        refused(() -> Identifiers.extension("ext", "tar.gz"), "ext", "tar.gz", "not a file extension");
        refused(() -> Identifiers.extension("ext", ""), "ext", "", "not a file extension");
    }

    @Test
    void stateCodesAndNames() {
        assertThat(StateCodes.normalise("state", " NY ")).isEqualTo("ny");
        assertThat(StateCodes.normalise("state", "New York")).isEqualTo("ny");
        assertThat(StateCodes.normalise("state", "  district  of COLUMBIA")).isEqualTo("dc");
        assertThat(StateCodes.normalise("state", "mp")).isEqualTo("mp");
        assertThat(StateCodes.codes()).hasSize(56).doesNotHaveDuplicates().contains("pr", "vi", "gu", "as", "wy");
        refused(() -> StateCodes.normalise("state", "Ontario"), "state", "Ontario", "such as ny, pa");
        refused(() -> StateCodes.normalise("state", "zz"), "state", "zz", "not a US state");
        refused(() -> StateCodes.normalise("state", null), "state", null, "is missing");
    }

    @Test
    void urls() {
        assertThat(WebAddresses.host("url", "https://WWW.Example.org:8443/a?b=c")).isEqualTo("www.example.org");
        assertThat(WebAddresses.host("url", "http://example.org")).isEqualTo("example.org");
        refused(() -> WebAddresses.host("url", "ftp://example.org/x"), "url", "ftp://example.org/x", "http://");
        refused(() -> WebAddresses.host("url", "https:///path"), "url", "https:///path", "no host");
        refused(() -> WebAddresses.host("url", "http://exa mple.org"), "url", "http://exa mple.org", "not a valid");
        refused(() -> WebAddresses.host("url", " "), "url", " ", "is missing");
        refused(() -> WebAddresses.host("url", "example.org"), "url", "example.org", "http://");
    }

}
