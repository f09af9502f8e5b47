package org.aupat.archive.identify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.aupat.archive.identify.MasterJsonRepository.Column;
import org.aupat.archive.identify.MasterJsonRepository.Section;

/**
 * Writes the master JSON (docs/rules.md) of one location: every column of every row, JSON-text columns
 * embedded as parsed JSON, rows in a stable order, counts in "metadata". Rows are streamed from the
 * database to the output, so a location with many files never sits in memory.
 */
final class MasterJsonWriter {
    static final int FORMAT_VERSION = 1;
    /** Columns that hold JSON text; they are embedded as JSON values, not strings. */
    static final Set<String> JSON_COLUMNS = Set.of("exiftool_hardware", "img_hardware", "img_docs", "img_vids", "img_pairs",
            "ffmpeg_hardware", "vid_hardware", "vid_docs", "vid_imgs", "docs_img", "docs_vid");

    private final ObjectMapper mapper;
    private final MasterJsonRepository repository;

    MasterJsonWriter(ObjectMapper mapper, MasterJsonRepository repository) {
        this.mapper = mapper;
        this.repository = repository;
    }

    void write(String locationUuid, String exportDate, OutputStream out) throws IOException {
        JsonFactory factory = mapper.getFactory();
        // The caller owns the stream: it still has to force it to disk after the JSON is written.
        try (JsonGenerator json = factory.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            json.setPrettyPrinter(new DefaultPrettyPrinter());
            json.writeStartObject();
            json.writeFieldName("location");
            repository.location(locationUuid, columns -> writeRow(json, columns));
            writeSection(json, "sub_locations", Section.SUB_LOCATIONS, locationUuid);
            writeSection(json, "images", Section.IMAGES, locationUuid);
            writeSection(json, "videos", Section.VIDEOS, locationUuid);
            writeSection(json, "documents", Section.DOCUMENTS, locationUuid);
            writeSection(json, "urls", Section.URLS, locationUuid);
            json.writeObjectFieldStart("metadata");
            json.writeStringField("export_date", exportDate);
            json.writeNumberField("format_version", FORMAT_VERSION);
            json.writeNumberField("total_images", repository.count(Section.IMAGES, locationUuid));
            json.writeNumberField("total_videos", repository.count(Section.VIDEOS, locationUuid));
            json.writeNumberField("total_documents", repository.count(Section.DOCUMENTS, locationUuid));
            json.writeNumberField("total_urls", repository.count(Section.URLS, locationUuid));
            json.writeNumberField("total_sub_locations", repository.count(Section.SUB_LOCATIONS, locationUuid));
            json.writeEndObject();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private void writeSection(JsonGenerator json, String field, Section section, String locationUuid) throws IOException {
        json.writeArrayFieldStart(field);
        repository.rows(section, locationUuid, columns -> writeRow(json, columns));
        json.writeEndArray();
    }

    private void writeRow(JsonGenerator json, List<Column> columns) throws IOException {
        json.writeStartObject();
        for (Column column : columns) {
            json.writeFieldName(column.name());
            Object value = column.value();
            if (value instanceof String text && JSON_COLUMNS.contains(column.name())) {
                json.writeTree(parsedOrText(text));
            } else {
                json.writeObject(value);
            }
        }
        json.writeEndObject();
    }

    /** A JSON column that does not parse is kept as text rather than lost. */
    private JsonNode parsedOrText(String text) {
        try {
            return mapper.readTree(text);
        } catch (IOException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
