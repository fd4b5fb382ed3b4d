package org.liandong.community.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.liandong.community.ResidentDirectory;
import org.liandong.community.VulnerabilityKind;
import org.liandong.platform.LiandongUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The resident search of {@code /residents}, with the same filters, as an Excel download. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ExportController {

    private final RegistryExport export;
    private final Clock clock;

    ExportController(RegistryExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/registry/export.xlsx")
    void export(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String q,
                @RequestParam(required = false) @Nullable String community,
                @RequestParam(required = false) @Nullable String buildingGroup,
                @RequestParam(required = false) @Nullable String tag,
                @RequestParam(defaultValue = "false") boolean vulnerable,
                @RequestParam(defaultValue = "false") boolean withoutCarer,
                HttpServletResponse response) throws IOException {
        if (community != null && !community.isBlank()) {
            me.scope().check(community); // another community's export is "not found", never an empty sheet
        }
        var kind = tag == null || tag.isBlank() ? null : VulnerabilityKind.fromCode(tag).orElse(null);
        var query = new ResidentDirectory.Query(trim(q, 60), blankToNull(community), trim(buildingGroup, 50), kind,
                vulnerable, withoutCarer);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("residents-" + LocalDate.now(clock) + ".xlsx").build().toString());
        export.write(me, query, filter(query), LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    /** The filter as the audit log shows it: the query string of the search. */
    static String filter(ResidentDirectory.Query q) {
        var filters = q.queryString(false);
        return filters.isEmpty() ? "(all)" : filters;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static @Nullable String trim(@Nullable String s, int max) {
        if (s == null) {
            return null;
        }
        var t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
