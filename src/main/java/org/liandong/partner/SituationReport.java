package org.liandong.partner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;

/** The street's daily situation report, from the coordination board, as a spreadsheet and as a PDF. */
@Service
public class SituationReport {

    /** Noto Sans CJK from Debian's fonts-noto-cjk; face 2 of the collection is Simplified Chinese. */
    static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

    static final List<String> COLUMNS = List.of("partner.field.community", "partner.board.stage",
            "partner.board.vulnerable", "partner.report.without-carer", "partner.board.open-needs",
            "partner.board.progress", "partner.board.partners", "partner.board.stock", "partner.board.volunteers");

    private final CoordinationBoard board;
    private final LocalisedText text;
    private final Clock clock;

    SituationReport(CoordinationBoard board, LocalisedText text, Clock clock) {
        this.board = board;
        this.text = text;
        this.clock = clock;
    }

    private List<List<String>> rows(CoordinationBoard.Board b) {
        return b.communities().stream().map(c -> List.of(c.name(),
                text.of("stage." + c.stage().name().toLowerCase(java.util.Locale.ROOT)),
                Long.toString(c.vulnerable()), Long.toString(c.vulnerableWithoutCarer()),
                c.openNeeds().stream().map(n -> text.of("partner.board.missing", n.item(), n.missing(), n.unit(),
                        n.quantity())).collect(Collectors.joining("\n")),
                c.progress().stream().map(n -> text.of("partner.board.progress-line", n.item(), n.matched(),
                        n.delivered(), n.unit())).collect(Collectors.joining("\n")),
                Integer.toString(c.partners()),
                c.stock().stream().map(s -> text.of("partner.board.stock-line", s.item(), s.quantity(), s.unit()))
                        .collect(Collectors.joining("\n")),
                text.of("partner.board.volunteers-line", c.people().activeVolunteers(), c.people().openTasks())
                        + (c.people().lentOut() + c.people().lentIn() > 0 ? " · " + text.of(
                        "partner.board.loans-line", c.people().lentOut(), c.people().lentIn()) : ""))).toList();
    }

    private List<String> offers(CoordinationBoard.Board b) {
        return b.openOffers().stream().map(o -> text.of("partner.board.offer-left", o.organisationName(), o.item(),
                o.left(), o.unit())).toList();
    }

    public byte[] xlsx(AccessScope scope) {
        var b = board.board(scope);
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Liandong", "1.0");
            var sheet = workbook.newWorksheet(text.of("partner.report.sheet"));
            sheet.value(0, 0, text.of("partner.report.title", LocalDate.now(clock).toString()));
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(2, c, text.of(COLUMNS.get(c)));
                sheet.style(2, c).bold().set();
            }
            var rows = rows(b);
            for (int r = 0; r < rows.size(); r++) {
                var row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    if (c == 2 || c == 3 || c == 6) {
                        sheet.value(3 + r, c, Long.parseLong(row.get(c)));
                    } else {
                        sheet.value(3 + r, c, row.get(c));
                        sheet.style(3 + r, c).wrapText(true).set();
                    }
                }
            }
            var offers = workbook.newWorksheet(text.of("partner.board.open-offers"));
            var list = offers(b);
            for (int r = 0; r < list.size(); r++) {
                offers.value(r, 0, list.get(r));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new InvalidValueException("partner.report.failed");
        }
        return out.toByteArray();
    }

    public byte[] pdf(AccessScope scope) {
        if (!Files.isReadable(FONT)) {
            throw new InvalidValueException("partner.report.failed");
        }
        var b = board.board(scope);
        try {
            var base = BaseFont.createFont(FONT + ",2", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            var title = new Font(base, 16, Font.BOLD);
            var body = new Font(base, 9);
            var head = new Font(base, 9, Font.BOLD);
            var out = new ByteArrayOutputStream();
            var document = new Document(PageSize.A4.rotate(), 30, 30, 30, 30);
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text.of("partner.report.title", LocalDate.now(clock).toString()), title));
            document.add(new Paragraph(" ", body));
            var table = new PdfPTable(new float[] {3, 2, 2, 2, 5, 5, 2, 4, 3});
            table.setWidthPercentage(100);
            for (var key : COLUMNS) {
                table.addCell(cell(text.of(key), head));
            }
            for (var row : rows(b)) {
                row.forEach(v -> table.addCell(cell(v, body)));
            }
            document.add(table);
            document.add(new Paragraph(" ", body));
            document.add(new Paragraph(text.of("partner.board.open-offers"), head));
            var offers = offers(b);
            if (offers.isEmpty()) {
                document.add(new Paragraph(text.of("partner.board.no-offers"), body));
            }
            for (var o : offers) {
                document.add(new Paragraph(o, body));
            }
            document.close();
            return out.toByteArray();
        } catch (IOException | org.openpdf.text.DocumentException e) {
            throw new InvalidValueException("partner.report.failed");
        }
    }

    private static PdfPCell cell(String value, Font font) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(4);
        return cell;
    }
}
