package org.liandong.notice.cap;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287) of the latest alerts, each entry linking to its CAP message — the usual CAP index. */
final class AtomFeed {

    static final String NS = "http://www.w3.org/2005/Atom";

    private AtomFeed() {
    }

    static String of(String baseUrl, String title, OffsetDateTime now, List<CapAlerts.Published> alerts) {
        try {
            var out = new StringWriter();
            var w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace(NS);
            text(w, "id", baseUrl + "/cap/feed.atom");
            text(w, "title", title);
            text(w, "updated", time(alerts.isEmpty() ? now : alerts.getFirst().sent()));
            w.writeStartElement("author");
            text(w, "name", title);
            w.writeEndElement();
            link(w, "self", "application/atom+xml", baseUrl + "/cap/feed.atom");
            for (var alert : alerts) {
                var href = baseUrl + "/cap/alerts/" + alert.identifier() + ".xml";
                w.writeStartElement("entry");
                text(w, "id", href);
                text(w, "title", alert.headline());
                text(w, "updated", time(alert.sent()));
                link(w, "alternate", "application/cap+xml", href);
                text(w, "summary", alert.headline());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
            return out.toString();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String time(OffsetDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
    }

    private static void link(XMLStreamWriter w, String rel, String type, String href) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("type", type);
        w.writeAttribute("href", href);
    }

    private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
