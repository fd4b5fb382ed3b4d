package org.liandong.community.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff upload their registry sheet, see every problem in it, and commit it when there is none. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ImportController {

    static final int PAGE_SIZE = 100;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportDesk desk;
    private final RegistryImports imports;
    private final Places places;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(ImportDesk desk, RegistryImports imports, Places places, MessageSource messages, Clock clock) {
        this.desk = desk;
        this.imports = imports;
        this.places = places;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/registry/import")
    String form(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("recent", imports.recent(me.scope(), me.userId(), 10));
        model.addAttribute("columns", Column.values());
        return "community/import/upload";
    }

    @PostMapping("/registry/import")
    String upload(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                  @RequestParam(required = false) @Nullable MultipartFile file, Model model) {
        if (community == null || community.isBlank()) {
            model.addAttribute("communityError", "import.community.required");
            return form(me, model);
        }
        me.scope().check(community);
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank()))) {
            model.addAttribute("fileError", "import.file.required");
            model.addAttribute("chosen", community);
            return form(me, model);
        }
        if (file.isEmpty()) {
            model.addAttribute("fileError", "import.file.empty");
            model.addAttribute("chosen", community);
            return form(me, model);
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new InvalidValueException("error.upload");
        }
        var id = desk.upload(me, community, fileName(file.getOriginalFilename()), content);
        return "redirect:/registry/import/" + id;
    }

    @GetMapping("/registry/import/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var found = desk.find(me.scope(), id);
        var now = clock.instant();
        int pages = Math.max(1, (found.badRows() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.min(Math.max(0, page), pages - 1);
        model.addAttribute("imp", found);
        model.addAttribute("running", found.running(now));
        model.addAttribute("stale", found.stale(now));
        model.addAttribute("badRows", found.hasRowProblems() ? imports.badRows(id, current, PAGE_SIZE) : List.of());
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("link", "/registry/import/" + id + "?");
        model.addAttribute("pageSize", PAGE_SIZE);
        return htmx != null ? "community/import/show :: import" : "community/import/show";
    }

    @PostMapping("/registry/import/{id}/commit")
    String commit(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            desk.commit(me, id);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text(e.messageKey()));
        }
        return "redirect:/registry/import/" + id;
    }

    @PostMapping("/registry/import/{id}/discard")
    String discard(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            desk.discard(me.scope(), id);
            redirect.addFlashAttribute("ok", "import.discarded");
            return "redirect:/registry/import";
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text(e.messageKey()));
            return "redirect:/registry/import/" + id;
        }
    }

    /** Every problem of the file, for when there are more than the page shows. UTF-8 with a mark, for Excel. */
    @GetMapping("/registry/import/{id}/problems.csv")
    void problems(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, HttpServletResponse response)
            throws IOException {
        desk.find(me.scope(), id);
        var locale = LocaleContextHolder.getLocale();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("problems-" + id.toString().substring(0, 8) + ".csv").build().toString());
        var out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        out.write('\uFEFF');
        out.write(String.join(",", msg("import.problems.row", locale), msg("import.problems.column", locale),
                msg("import.problems.reason", locale)) + "\r\n");
        imports.forEachProblem(id, p -> {
            try {
                out.write(p.row() + "," + ImportTemplate.csvCell(msg("import.column." + p.column().key(), locale)) + ","
                        + ImportTemplate.csvCell(messages.getMessage(p.messageKey(), new Object[] {p.arg()},
                        p.messageKey(), locale)) + "\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }

    @GetMapping("/registry/import/template.csv")
    void templateCsv(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(text("import.template.file") + ".csv", StandardCharsets.UTF_8).build().toString());
        response.getOutputStream().write(ImportTemplate.csv());
    }

    @GetMapping("/registry/import/template.xlsx")
    void templateXlsx(HttpServletResponse response) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(text("import.template.file") + ".xlsx", StandardCharsets.UTF_8).build().toString());
        ImportTemplate.xlsx(response.getOutputStream(), messages, LocaleContextHolder.getLocale());
    }

    /** The name as the person's computer had it: no folders, no control characters, not too long. */
    static String fileName(@Nullable String original) {
        if (original == null || original.isBlank()) {
            return "-";
        }
        var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = name.codePoints().filter(cp -> !Character.isISOControl(cp))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (name.isEmpty()) {
            return "-";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private String text(String key) {
        return msg(key, LocaleContextHolder.getLocale());
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
