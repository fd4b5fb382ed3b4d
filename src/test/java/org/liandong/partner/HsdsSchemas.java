package org.liandong.partner;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.util.List;

/**
 * The official Open Referral HSDS 3.0 object schemas (JSON Schema 2020-12, copied to src/test/resources/hsds),
 * loaded with their relative {@code $ref}s resolved, format assertions on. Errors come back as
 * "JSON path: message".
 */
final class HsdsSchemas {

    private static final String BASE = "https://schemas.liandong.test/hsds/3.0/";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(m -> m.mapPrefix(BASE, "classpath:hsds/3.0/schema/")));

    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).pathType(PathType.JSON_PATH).build();

    private HsdsSchemas() {
    }

    static JsonSchema schema(String object) {
        return FACTORY.getSchema(SchemaLocation.of(BASE + object + ".json"), CONFIG);
    }

    /** Every schema error of the JSON document, as "path: message". */
    static List<String> errors(String object, String json) {
        return schema(object).validate(json, InputFormat.JSON).stream()
                .map(e -> e.getMessage()).sorted().toList();
    }
}
