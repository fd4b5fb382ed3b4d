package org.liandong.resilience.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.resilience.report.CommunityReport;
import org.liandong.resilience.report.ResponseExport;
import org.liandong.resilience.report.SurveyPoster;
import org.liandong.resilience.survey.SurveyRounds;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Files of a round: the poster, the household code sheet, the community report and the anonymised responses. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class ResilienceReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final SurveyRounds rounds;
    private final SurveyPoster poster;
    private final CommunityReport report;
    private final ResponseExport export;
    private final SurveyLinks links;
    private final LocalisedText text;

    ResilienceReportController(SurveyRounds rounds, SurveyPoster poster, CommunityReport report, ResponseExport export,
                     SurveyLinks links, LocalisedText text) {
        this.rounds = rounds;
        this.poster = poster;
        this.report = report;
        this.export = export;
        this.links = links;
        this.text = text;
    }

    @GetMapping("/resilience/rounds/{id}/poster.pdf")
    Object poster(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        var round = rounds.round(me.scope(), id);
        return file(() -> poster.poster(round, links.link(round.code())), MediaType.APPLICATION_PDF,
                "poster-" + round.communityId() + ".pdf", id, redirect);
    }

    @GetMapping("/resilience/rounds/{id}/tokens.pdf")
    Object tokens(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        var round = rounds.round(me.scope(), id);
        return file(() -> poster.tokenSheet(round, links.link(round.code()), rounds.tokens(me.scope(), id)),
                MediaType.APPLICATION_PDF, "codes-" + round.communityId() + ".pdf", id, redirect);
    }

    @GetMapping("/resilience/rounds/{id}/report.pdf")
    Object report(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        var round = rounds.round(me.scope(), id);
        return file(() -> report.pdf(me.scope(), id), MediaType.APPLICATION_PDF,
                "resilience-" + round.communityId() + "-" + round.stage().name().toLowerCase(java.util.Locale.ROOT)
                        + ".pdf", id, redirect);
    }

    @GetMapping("/resilience/rounds/{id}/responses.xlsx")
    Object responses(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        var round = rounds.round(me.scope(), id);
        return file(() -> export.xlsx(me, id), XLSX, "responses-" + round.communityId() + ".xlsx", id, redirect);
    }

    private Object file(java.util.function.Supplier<byte[]> body, MediaType type, String name, UUID roundId,
                        RedirectAttributes redirect) {
        try {
            var bytes = body.get();
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name, StandardCharsets.UTF_8).build().toString())
                    .body(bytes);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/resilience/rounds/" + roundId;
        }
    }
}
