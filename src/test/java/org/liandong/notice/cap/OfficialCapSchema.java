package org.liandong.notice.cap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/**
 * The official CAP 1.2 schema for tests: ../shared/data/cap/CAP-v1.2.xsd when the project sits beside
 * shared/ (as on the project's machines and in CI), otherwise the copy the product ships, whose SHA-256 is
 * the one recorded for the OASIS file. Validation here is independent of {@link CapSchema}.
 */
public final class OfficialCapSchema {

    static final Path SHARED = Path.of("../shared/data/cap");
    static final String OASIS_SHA256 = "b7798ef25868b068c97b268bda02d067c7d4ba9373adc5638bf37105804ee723";

    private static Schema schema;

    private OfficialCapSchema() {
    }

    static synchronized Schema schema() throws Exception {
        if (schema == null) {
            var shared = SHARED.resolve("CAP-v1.2.xsd");
            var file = Files.exists(shared) ? shared : Path.of("src/main/resources/cap/CAP-v1.2.xsd");
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            schema = factory.newSchema(file.toFile());
        }
        return schema;
    }

    public static void assertValid(String xml) throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    static String sha256(Path file) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return java.util.HexFormat.of().formatHex(digest);
    }

    static void assertBundledCopyIsOfficial() throws Exception {
        assertThat(sha256(Path.of("src/main/resources/cap/CAP-v1.2.xsd"))).isEqualTo(OASIS_SHA256);
    }
}
