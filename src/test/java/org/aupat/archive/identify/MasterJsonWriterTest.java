package org.aupat.archive.identify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.aupat.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class MasterJsonWriterTest {
    static final String LOC = "0c6d2e7a-4b13-4f55-8a2e-77d0b1c3e9f4";
    @TempDir
    Path dir;
    JdbcTemplate jdbc;
    MasterJsonWriter writer;
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void setUp() {
        jdbc = TestDatabase.migrated(dir);
        TestDatabase.location(jdbc, LOC, "/archive/pa-recreational/cafe_0c6d2e7a4b13");
        writer = new MasterJsonWriter(mapper, new MasterJsonRepository(jdbc));
        for (String sha : new String[] {"b".repeat(64), "a".repeat(64)}) {
            jdbc.update("INSERT INTO images (img_sha256, img_name, img_loc, loc_uuid, img_add, img_hardware, exiftool_hardware,"
                    + " img_vids) VALUES (?, 'n', '/a', ?, '2025-01-01T00:00:00.000Z', '{\"make\":\"Apple\",\"model\":\"iPhone 13 Pro\","
                    + "\"category\":\"phone\"}', '{\"EXIF:Make\":\"Apple\"}', '[\"" + "c".repeat(64) + "\"]')", sha, LOC);
        }
        jdbc.update("INSERT INTO urls (url_uuid, url, domain, loc_uuid) VALUES ('5e9f7a10-3c2b-4d8e-9f01-a2b3c4d5e6f7',"
                + " 'https://username.smugmug.com/Abandoned/Cafe', 'username.smugmug.com', ?)", LOC);
    }

    private String write(String date) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the writer must leave closing the stream to its caller");
            }
        };
        writer.write(LOC, date, out);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void holdsEveryTableWithJsonColumnsEmbeddedAndCounts() throws Exception {
        JsonNode json = mapper.readTree(write("2025-02-01T00:00:00.000Z"));
        assertThat(json.path("location").path("loc_uuid").asText()).isEqualTo(LOC);
        assertThat(json.path("images")).hasSize(2);
        JsonNode first = json.path("images").get(0);
        assertThat(first.path("img_sha256").asText()).isEqualTo("a".repeat(64));
        assertThat(first.path("img_hardware").path("category").asText()).isEqualTo("phone");
        assertThat(first.path("exiftool_hardware").path("EXIF:Make").asText()).isEqualTo("Apple");
        assertThat(first.path("img_vids").get(0).asText()).isEqualTo("c".repeat(64));
        assertThat(first.has("img_verified")).isTrue();
        assertThat(json.path("urls").get(0).path("domain").asText()).isEqualTo("username.smugmug.com");
        JsonNode metadata = json.path("metadata");
        assertThat(metadata.path("total_images").asInt()).isEqualTo(2);
        assertThat(metadata.path("total_urls").asInt()).isEqualTo(1);
        assertThat(metadata.path("total_videos").asInt()).isZero();
        assertThat(metadata.path("format_version").asInt()).isEqualTo(1);
        assertThat(metadata.path("export_date").asText()).isEqualTo("2025-02-01T00:00:00.000Z");
    }

    @Test
    void unchangedDataGivesTheSameFile() throws Exception {
        assertThat(write("d")).isEqualTo(write("d"));
    }

    @Test
    void aJsonColumnThatDoesNotParseIsKeptAsText() throws Exception {
        jdbc.update("UPDATE images SET img_hardware = 'not json {' WHERE img_sha256 = ?", "a".repeat(64));
        JsonNode json = mapper.readTree(write("d"));
        assertThat(json.path("images").get(0).path("img_hardware").asText()).isEqualTo("not json {");
    }
}
