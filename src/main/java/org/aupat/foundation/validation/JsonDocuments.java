package org.aupat.foundation.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import org.aupat.foundation.error.ValidationError;

/** JSON files (rule files, exports) read and checked against a JSON Schema (draft 2020-12). */
public final class JsonDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private JsonDocuments() {
    }

    /** A schema from its JSON text (compile once, check many files). */
    public static JsonSchema schema(String schemaJson) {
        return SCHEMAS.getSchema(schemaJson);
    }

    /** The file's content once it parses and satisfies the schema; the error names the file and the first bad field. */
    public static JsonNode read(Path file, JsonSchema schema) {
        JsonNode document;
        try {
            document = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ValidationError(file.toString(), null, "is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage() + ". Fix the file.");
        } catch (IOException e) {
            throw new ValidationError(file.toString(), null, "cannot be read: " + e.getMessage());
        }
        if (document == null || document.isMissingNode()) {
            throw new ValidationError(file.toString(), null, "is empty. It must hold a JSON document.");
        }
        Set<ValidationMessage> problems = schema.validate(document);
        ValidationMessage first = problems.stream()
                .min(Comparator.comparing(m -> m.getInstanceLocation().toString())).orElse(null);
        if (first != null) {
            String field = file + " field " + first.getInstanceLocation();
            throw new ValidationError(field, first.getInstanceNode(), first.getMessage()
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                    + ". Fix the file.");
        }
        return document;
    }
}
