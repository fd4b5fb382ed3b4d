package org.liandong.resilience.report;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.survey.SurveyRounds;
import org.liandong.volunteer.QrCode;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Paper for building entrances: an A4 poster with the round's QR code and link, and a sheet of one-time household
 * codes cut into slips (address, code, QR) for residents without a smartphone account.
 */
@Component
public class SurveyPoster {

    private final LocalisedText text;

    SurveyPoster(LocalisedText text) {
        this.text = text;
    }

    public byte[] poster(SurveyRounds.Round round, String link) {
        var regular = PdfFonts.regular();
        var bold = PdfFonts.bold();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 50, 50, 60, 50);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(centred(text.of("resilience.poster.title"), new Font(bold, 30)));
            document.add(centred(round.communityName(), new Font(regular, 18)));
            document.add(centred(" ", new Font(regular, 10)));
            document.add(centred(text.of("resilience.poster.why"), new Font(regular, 15)));
            var qr = Image.getInstance(QrCode.png(link, 600));
            qr.scaleToFit(300, 300);
            qr.setAlignment(Element.ALIGN_CENTER);
            document.add(qr);
            document.add(centred(text.of("resilience.poster.scan"), new Font(bold, 18)));
            document.add(centred(link, new Font(regular, 11)));
            document.add(centred(" ", new Font(regular, 10)));
            for (var key : List.of("resilience.poster.minutes", "resilience.poster.anonymous",
                    "resilience.poster.paper")) {
                document.add(centred(text.of(key), new Font(regular, 13)));
            }
            document.close();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("poster", e);
        }
        return out.toByteArray();
    }

    public byte[] tokenSheet(SurveyRounds.Round round, String link, List<SurveyRounds.TokenLine> tokens) {
        var regular = PdfFonts.regular();
        var bold = PdfFonts.bold();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 30, 30, 30, 30);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text.of("resilience.tokens.sheet-title", round.communityName()),
                    new Font(bold, 14)));
            if (tokens.isEmpty()) {
                document.add(new Paragraph(text.of("resilience.tokens.none"), new Font(regular, 11)));
            }
            var table = new PdfPTable(3);
            table.setWidthPercentage(100);
            var qr = Image.getInstance(QrCode.png(link, 300));
            for (var token : tokens) {
                var cell = new PdfPCell();
                cell.setPadding(8);
                cell.setBorderWidth(0.5f);
                cell.addElement(new Paragraph(token.buildingGroup() + " " + token.address(), new Font(regular, 9)));
                cell.addElement(new Paragraph(text.of("resilience.tokens.slip"), new Font(regular, 8)));
                var image = Image.getInstance(qr);
                image.scaleToFit(70, 70);
                cell.addElement(image);
                cell.addElement(new Paragraph(token.code(), new Font(bold, 16)));
                table.addCell(cell);
            }
            table.completeRow();
            document.add(table);
            document.close();
        } catch (DocumentException | java.io.IOException e) {
            throw new IllegalStateException("token sheet", e);
        }
        return out.toByteArray();
    }

    static Paragraph centred(String value, Font font) {
        var p = new Paragraph(new Phrase(value, font));
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(6);
        return p;
    }
}
