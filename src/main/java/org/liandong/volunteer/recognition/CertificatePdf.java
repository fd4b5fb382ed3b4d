package org.liandong.volunteer.recognition;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.QrCode;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/** Draws a certificate of service hours on one landscape A4 page, with a QR code to verify it. */
@Component
class CertificatePdf {

    /** The configured Chinese font is not installed; the text names the package to install. */
    static class FontMissing extends RuntimeException {
        FontMissing(String file) {
            super("certificate font missing: " + file);
        }
    }

    private static final Color RED = new Color(0xC0, 0x39, 0x2B);
    private static final Color INK = new Color(0x1F, 0x29, 0x33);
    private static final Color MUTED = new Color(0x52, 0x60, 0x6D);
    private static final Color GOLD = new Color(0xD4, 0xA0, 0x17);

    private final CertificateSettings settings;
    private final LocalisedText text;

    CertificatePdf(CertificateSettings settings, LocalisedText text) {
        this.settings = settings;
        this.text = text;
    }

    boolean fontPresent() {
        return Files.isRegularFile(Path.of(settings.fontFile()));
    }

    byte[] render(Certificates.Certificate certificate, String communityName, String verifyUrl) {
        if (!fontPresent()) {
            throw new FontMissing(settings.fontFile());
        }
        var out = new ByteArrayOutputStream();
        var page = PageSize.A4.rotate();
        var document = new Document(page, 0, 0, 0, 0);
        try {
            var writer = PdfWriter.getInstance(document, out);
            document.addTitle(text.of("volunteer.certificate.pdf.title"));
            document.addCreator("Liandong");
            document.open();
            var font = BaseFont.createFont(settings.font(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            var canvas = writer.getDirectContent();
            float w = page.getWidth();
            float h = page.getHeight();
            frame(canvas, w, h);

            line(canvas, font, 34, RED, text.of("volunteer.certificate.pdf.title"), w / 2, h - 120);
            line(canvas, font, 13, MUTED, text.of("volunteer.certificate.pdf.subtitle"), w / 2, h - 148);
            line(canvas, font, 26, INK, text.of("volunteer.certificate.pdf.to", certificate.name()), w / 2, h - 215);
            line(canvas, font, 15, INK, text.of("volunteer.certificate.pdf.period", certificate.from(),
                    certificate.to(), communityName), w / 2, h - 258);
            line(canvas, font, 15, INK, text.of("volunteer.certificate.pdf.served"), w / 2, h - 300);
            line(canvas, font, 44, RED, text.of("volunteer.certificate.pdf.hours", certificate.hours()), w / 2,
                    h - 355);
            line(canvas, font, 15, INK, text.of("volunteer.certificate.pdf.thanks"), w / 2, h - 400);

            left(canvas, font, 11, MUTED, text.of("volunteer.certificate.pdf.number", certificate.number()), 80, 120);
            left(canvas, font, 11, MUTED, text.of("volunteer.certificate.pdf.issued", certificate.issuedOn()), 80, 100);
            left(canvas, font, 11, MUTED, text.of("volunteer.certificate.pdf.issuer", communityName), 80, 80);

            var qr = Image.getInstance(QrCode.png(verifyUrl, 300));
            qr.scaleAbsolute(96, 96);
            qr.setAbsolutePosition(w - 80 - 96, 84);
            canvas.addImage(qr);
            line(canvas, font, 10, MUTED, text.of("volunteer.certificate.pdf.scan"), w - 80 - 48, 70);
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void frame(PdfContentByte canvas, float w, float h) {
        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(3f);
        canvas.rectangle(24, 24, w - 48, h - 48);
        canvas.stroke();
        canvas.setColorStroke(GOLD);
        canvas.setLineWidth(0.8f);
        canvas.rectangle(34, 34, w - 68, h - 68);
        canvas.stroke();
        // a short rule under the title
        canvas.setColorStroke(RED);
        canvas.setLineWidth(1.2f);
        canvas.moveTo(w / 2 - 60, h - 162);
        canvas.lineTo(w / 2 + 60, h - 162);
        canvas.stroke();
        canvas.restoreState();
    }

    private static void line(PdfContentByte canvas, BaseFont font, float size, Color color, String value, float x,
                             float y) {
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(value, new Font(font, size, Font.NORMAL,
                color)), x, y, 0);
    }

    private static void left(PdfContentByte canvas, BaseFont font, float size, Color color, String value, float x,
                             float y) {
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(value, new Font(font, size, Font.NORMAL,
                color)), x, y, 0);
    }
}
