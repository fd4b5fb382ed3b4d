package org.liandong.notice.cap;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * The official OASIS CAP 1.2 schema (cap/CAP-v1.2.xsd, byte-identical to docs.oasis-open.org's), with
 * external entities and DTDs switched off. Every message is validated before it is stored or served.
 */
@Component
public class CapSchema {

    private final Schema schema;

    public CapSchema() {
        try (var in = new ClassPathResource("cap/CAP-v1.2.xsd").getInputStream()) {
            var factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            schema = factory.newSchema(new StreamSource(in));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("CAP 1.2 schema cannot be loaded", e);
        }
    }

    /** @return null when the message is valid, else the validator's reason */
    public @org.jspecify.annotations.Nullable String problem(String xml) {
        try {
            var validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
            return null;
        } catch (SAXException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
