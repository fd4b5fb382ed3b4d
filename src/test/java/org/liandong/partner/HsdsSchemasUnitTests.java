package org.liandong.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The validator is set up right: the official examples pass, a broken document fails with JSON paths. */
class HsdsSchemasUnitTests {

    static String resource(String path) throws IOException {
        try (InputStream in = HsdsSchemasUnitTests.class.getResourceAsStream("/hsds/3.0/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOfficialExamplesAreValid() throws IOException {
        assertThat(HsdsSchemas.errors("service", resource("examples/service_full.json"))).isEmpty();
        assertThat(HsdsSchemas.errors("organization", resource("examples/organization_full.json"))).isEmpty();
    }

    @Test
    void aBrokenServiceIsReportedByJsonPath() {
        var errors = HsdsSchemas.errors("service", """
                {"id": "not-a-uuid", "name": "助餐", "status": "open",
                 "phones": [{"id": "8a3e1f4c-7c41-4c1f-9d8e-2f4e1b2a3c4d"}]}""");
        assertThat(errors).anyMatch(e -> e.startsWith("$.id:"));
        assertThat(errors).anyMatch(e -> e.startsWith("$.status:"));
        assertThat(errors).anyMatch(e -> e.startsWith("$.phones[0]:") && e.contains("number"));
    }
}
