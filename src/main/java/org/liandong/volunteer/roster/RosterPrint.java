package org.liandong.volunteer.roster;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;

/** A printable roster of one post for one week, to pin up at the gate. */
@Service
public class RosterPrint {

    /** Noto Sans CJK from Debian's fonts-noto-cjk; face 2 of the collection is Simplified Chinese. */
    static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    static final String FONT_PACKAGE = "fonts-noto-cjk";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd E");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DutyRosters rosters;
    private final Posts posts;
    private final LocalisedText text;

    RosterPrint(DutyRosters rosters, Posts posts, LocalisedText text) {
        this.rosters = rosters;
        this.posts = posts;
        this.text = text;
    }

    /** The PDF of a post's shifts in week {@code week} (0-based) of a roster. */
    public byte[] pdf(AccessScope scope, UUID rosterId, UUID postId, int week) {
        var roster = rosters.roster(scope, rosterId);
        var post = posts.post(scope, postId);
        if (week < 0 || week >= roster.weeks()) {
            throw new InvalidValueException("roster.problem.week", roster.weeks());
        }
        if (!Files.isReadable(FONT)) {
            throw new InvalidValueException("roster.print.font-missing", FONT.toString(), FONT_PACKAGE);
        }
        var from = roster.start().plusWeeks(week);
        var to = from.plusDays(6);
        var shifts = rosters.shifts(scope, rosterId).stream()
                .filter(s -> s.postId().equals(postId) && !s.day().isBefore(from) && !s.day().isAfter(to))
                .toList();
        try {
            var base = BaseFont.createFont(FONT + ",2", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            var title = new Font(base, 18, Font.BOLD);
            var body = new Font(base, 11);
            var head = new Font(base, 11, Font.BOLD);
            var out = new ByteArrayOutputStream();
            var document = new Document(PageSize.A4, 36, 36, 36, 36);
            PdfWriter.getInstance(document, out);
            document.open();
            document.add(new Paragraph(text.of("roster.print.title", post.name()), title));
            if (post.address() != null) {
                document.add(new Paragraph(post.address(), body));
            }
            document.add(new Paragraph(text.of("roster.print.period", from.toString(), to.toString()), body));
            document.add(new Paragraph(" ", body));
            var table = new PdfPTable(new float[] {2, 2, 5});
            table.setWidthPercentage(100);
            for (var key : List.of("roster.print.day", "roster.print.time", "roster.print.volunteers")) {
                var cell = new PdfPCell(new Phrase(text.of(key), head));
                cell.setPadding(5);
                table.addCell(cell);
            }
            var byShift = new LinkedHashMap<String, List<DutyRosters.ShiftView>>();
            shifts.forEach(s -> byShift.computeIfAbsent(s.start().toString() + s.end(), k -> new java.util.ArrayList<>())
                    .add(s));
            for (var group : byShift.values()) {
                var first = group.getFirst();
                table.addCell(cell(first.day().format(DAY.withLocale(java.util.Locale.CHINA)), body));
                table.addCell(cell(first.start().format(TIME) + "–" + first.end().format(TIME), body));
                table.addCell(cell(group.stream().map(s -> s.volunteerName() == null ? text.of("roster.print.empty")
                        : s.volunteerName()).collect(Collectors.joining("、")), body));
            }
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (java.io.IOException | org.openpdf.text.DocumentException e) {
            throw new InvalidValueException("roster.print.failed");
        }
    }

    private static PdfPCell cell(String value, Font font) {
        var cell = new PdfPCell(new Phrase(value, font));
        cell.setPadding(5);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return cell;
    }

}
