package org.liandong.partner.hsds;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The official Open Referral HSDS 3.0 object schemas (JSON Schema 2020-12, in {@code classpath:hsds/3.0/schema})
 * with their relative {@code $ref}s resolved and format assertions on. Errors come back as
 * "JSON path: message", the path starting at {@code prefix} (say {@code $.contents[2]}).
 */
public final class HsdsValidator {

    private static final String BASE = "https://schemas.liandong.invalid/hsds/3.0/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:hsds/3.0/schema/")));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsValidator() {
    }

    static JsonSchema schema(String object) {
        return SCHEMAS.computeIfAbsent(object, o -> FACTORY.getSchema(SchemaLocation.of(BASE + o + ".json"), CONFIG));
    }

    /** Every error of one HSDS object (a parsed JSON node) against the schema of {@code object}. */
    public static List<String> errors(String object, com.fasterxml.jackson.databind.JsonNode node, String prefix) {
        return schema(object).validate(node).stream().map(e -> {
            var message = e.getMessage();
            return message.startsWith("$") ? prefix + message.substring(1) : prefix + ": " + message;
        }).sorted().toList();
    }
}
