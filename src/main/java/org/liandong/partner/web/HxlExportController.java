package org.liandong.partner.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.liandong.community.Places;
import org.liandong.partner.CoordinationBoard;
import org.liandong.partner.SituationReport;
import org.liandong.platform.LiandongUser;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The board as an HXL-tagged CSV (Humanitarian Exchange Language 1.1) for humanitarian data exchange: a header
 * row, a hashtag row, then one row per need (or one empty row for a community with none). Quantities carry
 * {@code +num} so the default HXL validation rules check them as numbers; the date is ISO 8601.
 */
@Controller
@PreAuthorize("hasRole('STAFF')")
class HxlExportController {

    static final List<String> HEADERS = List.of("Date", "District", "Street", "Community", "Community code", "Stage",
            "Item", "Kind", "Unit", "Urgent", "Needed", "Matched", "Handed over", "Missing");
    static final List<String> TAGS = List.of("#date+reported", "#adm2+name", "#adm3+name", "#adm4+name",
            "#adm4+code", "#status+stage", "#item+name", "#item+type", "#meta+unit", "#severity",
            "#indicator+num+needed", "#indicator+num+matched", "#indicator+num+delivered", "#indicator+num+missing");

    private final CoordinationBoard board;
    private final SituationReport report;
    private final Places places;
    private final Clock clock;

    HxlExportController(CoordinationBoard board, SituationReport report, Places places, Clock clock) {
        this.board = board;
        this.report = report;
        this.places = places;
        this.clock = clock;
    }

    @GetMapping("/partner/board.hxl.csv")
    ResponseEntity<byte[]> hxl(@AuthenticationPrincipal LiandongUser me) {
        var today = LocalDate.now(clock).toString();
        var needs = board.needs(me.scope(), false);
        var out = new StringBuilder();
        line(out, HEADERS);
        line(out, TAGS);
        for (var c : places.communities(me.scope())) {
            var place = List.of(today, c.districtName(), c.streetName(), c.name(), c.id(),
                    c.stage().name().toLowerCase(Locale.ROOT));
            var own = needs.stream().filter(n -> n.communityId().equals(c.id())).toList();
            if (own.isEmpty()) {
                var row = new ArrayList<>(place);
                row.addAll(List.of("", "", "", "", "0", "0", "0", "0"));
                line(out, row);
            }
            for (var n : own) {
                var row = new ArrayList<>(place);
                row.addAll(List.of(n.item(), n.kind().name().toLowerCase(Locale.ROOT), n.unit(),
                        n.urgent() ? "urgent" : "normal", Integer.toString(n.quantity()), Integer.toString(n.matched()),
                        Integer.toString(n.delivered()), Integer.toString(Math.max(0, n.missing()))));
                line(out, row);
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"liandong-board-" + today + ".hxl.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/partner/board/report.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal LiandongUser me) {
        return file(report.xlsx(me.scope()), "xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    @GetMapping("/partner/board/report.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal LiandongUser me) {
        return file(report.pdf(me.scope()), "pdf", MediaType.APPLICATION_PDF);
    }

    private ResponseEntity<byte[]> file(byte[] body, String extension, MediaType type) {
        var name = "liandong-situation-" + LocalDate.now(clock) + "." + extension;
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .contentType(type).body(body);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            var v = cells.get(i).strip().replaceAll("\\s+", " ");
            if (v.matches(".*[\",\\n\\r].*") || v.startsWith("=") || v.startsWith("+") || v.startsWith("-")
                    || v.startsWith("@")) {
                // quoted, and formula-looking cells defused for spreadsheets
                v = "\"" + (v.matches("^[=+\\-@].*") ? "'" : "") + v.replace("\"", "\"\"") + "\"";
            }
            out.append(v);
        }
        out.append("\r\n");
    }
}
