package org.liandong.notice.cap;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * Writes one CAP 1.2 alert: header, one {@code info} block per language (zh-CN and en-US), the area as a
 * place name with its statistical division code. Dates carry the Beijing offset and no fractions, as the
 * schema's pattern demands ("Z" is not allowed).
 */
record CapMessage(String identifier, String sender, OffsetDateTime sent, CapValues.Category category,
                  CapValues.Urgency urgency, CapValues.Severity severity, CapValues.Certainty certainty,
                  @Nullable OffsetDateTime expires, String senderName, String areaDesc, String geocode,
                  List<Info> infos) {

    static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
    static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    record Info(String language, String event, String headline, String description, @Nullable String instruction,
                @Nullable String web) {
    }

    String xml() {
        try {
            var out = new StringWriter();
            var w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("alert");
            w.writeDefaultNamespace(NS);
            text(w, "identifier", identifier);
            text(w, "sender", sender);
            text(w, "sent", CAP_TIME.format(sent));
            text(w, "status", "Actual");
            text(w, "msgType", "Alert");
            text(w, "scope", "Public");
            for (var info : infos) {
                w.writeStartElement("info");
                text(w, "language", info.language());
                text(w, "category", category.name());
                text(w, "event", info.event());
                text(w, "urgency", urgency.name());
                text(w, "severity", severity.name());
                text(w, "certainty", certainty.name());
                if (expires != null) {
                    text(w, "expires", CAP_TIME.format(expires));
                }
                text(w, "senderName", senderName);
                text(w, "headline", info.headline());
                text(w, "description", info.description());
                if (info.instruction() != null) {
                    text(w, "instruction", info.instruction());
                }
                if (info.web() != null) {
                    text(w, "web", info.web());
                }
                w.writeStartElement("area");
                text(w, "areaDesc", areaDesc);
                w.writeStartElement("geocode");
                text(w, "valueName", "CN-NBS-2023");
                text(w, "value", geocode);
                w.writeEndElement();
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new Unwritable(e.getMessage());
        }
    }

    /** The texts cannot be written as XML at all (e.g. a control character pasted into a field). */
    static final class Unwritable extends RuntimeException {
        Unwritable(String reason) {
            super(reason);
        }
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
