package org.liandong.partner.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.liandong.partner.DirectoryImport;
import org.liandong.partner.ServiceDirectory;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Street admins import an HSDS 3.0 JSON file; staff download the directory as CSV for people. */
@Controller
class DirectoryImportController {

    private final DirectoryImport importer;
    private final ServiceDirectory directory;
    private final LocalisedText text;

    DirectoryImportController(DirectoryImport importer, ServiceDirectory directory, LocalisedText text) {
        this.importer = importer;
        this.directory = directory;
        this.text = text;
    }

    @PostMapping("/partner/services/import")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String importJson(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String streetId,
                      @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("problem", text.of("partner.import.no-file"));
            return "redirect:/partner/organisations#import";
        }
        try (var in = file.getInputStream()) {
            var result = importer.importJson(me, streetId, in);
            if (result.ok()) {
                redirect.addFlashAttribute("imported", text.of("partner.import.done", result.services(),
                        result.organisations()));
            } else {
                redirect.addFlashAttribute("problem", text.of("partner.import.refused", result.problems().size()));
                redirect.addFlashAttribute("importProblems", new ArrayList<>(result.problems().stream().limit(200)
                        .toList()));
            }
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/partner/organisations#import";
    }

    /** The directory as people read it: a header and one row per active service. */
    private List<List<String>> table() {
        var rows = new java.util.ArrayList<List<String>>();
        rows.add(List.of(text.of("partner.field.service-name"), text.of("partner.field.name"),
                text.of("partner.field.need"), text.of("partner.field.eligibility"), text.of("partner.field.fees"),
                text.of("partner.field.languages"), text.of("partner.field.schedule"),
                text.of("partner.field.public-phone"), text.of("partner.field.address"),
                text.of("partner.service.area"), "id"));
        for (var s : directory.all()) {
            rows.add(List.of(s.name(), s.organisationName(), text.of(s.need().messageKey()),
                    s.eligibility() == null ? "" : s.eligibility(),
                    s.free() ? text.of("partner.field.free") : s.fees() == null ? "" : s.fees(),
                    String.join(" ", s.languages()), s.schedule() == null ? "" : s.schedule(),
                    s.phone() == null ? "" : s.phone(),
                    String.join("; ", s.locations().stream().map(l -> l.name() + " " + l.address()).toList()),
                    String.join("、", s.communityNames()), s.id().toString()));
        }
        return rows;
    }

    /** The directory as a CSV people open in a spreadsheet (UTF-8 with BOM, formula cells defused). */
    @GetMapping("/partner/services.csv")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<byte[]> csv() {
        var out = new StringBuilder("\uFEFF");
        table().forEach(cells -> row(out, cells));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"liandong-services.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The same directory as an Excel workbook (cells are text, never formulas). */
    @GetMapping("/partner/services.xlsx")
    @PreAuthorize("hasRole('STAFF')")
    ResponseEntity<byte[]> xlsx() throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        var workbook = new org.dhatim.fastexcel.Workbook(out, "Liandong", "1.0");
        var sheet = workbook.newWorksheet(text.of("partner.services"));
        var rows = table();
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                sheet.value(r, c, rows.get(r).get(c));
            }
        }
        sheet.range(0, 0, 0, rows.getFirst().size() - 1).style().bold().set();
        workbook.finish();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"liandong-services.xlsx\"")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(out.toByteArray());
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            var v = cells.get(i).replaceAll("[\\r\\n]+", " ");
            if (v.matches("^[=+\\-@].*")) {
                v = "'" + v;
            }
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
