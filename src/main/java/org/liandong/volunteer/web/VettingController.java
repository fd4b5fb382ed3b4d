package org.liandong.volunteer.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.ApplicationQueue;
import org.liandong.volunteer.ApplicationStatus;
import org.liandong.volunteer.Applications;
import org.liandong.volunteer.MotivationScore;
import org.liandong.volunteer.VolunteerCategory;
import org.liandong.volunteer.VolunteerOffice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Social workers and community staff vet applications: filter, select many, decide, keep notes. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class VettingController {

    private final ApplicationQueue queue;
    private final Applications applications;
    private final VolunteerOffice office;
    private final Places places;
    private final LocalisedText text;

    VettingController(ApplicationQueue queue, Applications applications, VolunteerOffice office, Places places,
                      LocalisedText text) {
        this.queue = queue;
        this.applications = applications;
        this.office = office;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/volunteer/applications")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Nullable String community,
                @RequestParam(required = false) @Nullable String category,
                @RequestParam(required = false) @Nullable String minScore,
                @RequestParam(required = false) @Nullable String referred,
                @RequestParam(required = false) @Nullable String duplicates,
                @RequestParam(required = false) @Nullable String sort,
                @RequestParam(required = false) @Nullable String page,
                @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        var query = query(status, community, category, minScore, referred, duplicates, sort);
        model.addAttribute("query", query);
        model.addAttribute("result", queue.search(me.scope(), query, number(page, 0, 100_000)));
        model.addAttribute("link", "/volunteer/applications?" + query.link() + "&");
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("categories", VolunteerCategory.values());
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("views", queue.savedViews(me.userId()));
        model.addAttribute("decisions", VolunteerOffice.Decision.values());
        return htmx != null ? "volunteer/application/queue :: results" : "volunteer/application/queue";
    }

    @PostMapping("/volunteer/applications/decide")
    String decide(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable List<UUID> ids,
                  @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                  @RequestParam(defaultValue = "") String back, RedirectAttributes redirect) {
        decide(me, ids == null ? List.of() : ids, decision, reason, redirect);
        return "redirect:/volunteer/applications" + (back.matches("[A-Za-z0-9=&_\\-]*") && !back.isEmpty()
                ? "?" + back : "");
    }

    @GetMapping("/volunteer/applications/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("detail", applications.detail(me.scope(), id));
        model.addAttribute("questions", MotivationScore.Question.values());
        model.addAttribute("decisions", VolunteerOffice.Decision.values());
        model.addAttribute("days", List.of(0, 1, 2, 3, 4, 5, 6));
        model.addAttribute("periods", List.of(0, 1, 2));
        return "volunteer/application/show";
    }

    @PostMapping("/volunteer/applications/{id}/decide")
    String decideOne(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                     @RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
                     RedirectAttributes redirect) {
        applications.detail(me.scope(), id);
        decide(me, List.of(id), decision, reason, redirect);
        return "redirect:/volunteer/applications/" + id;
    }

    @PostMapping("/volunteer/applications/{id}/note")
    String note(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        try {
            applications.noteInterview(me, id, note);
            redirect.addFlashAttribute("ok", "volunteer.vetting.note-saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/applications/" + id;
    }

    @PostMapping("/volunteer/applications/views")
    String saveView(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "") String name,
                    @RequestParam(required = false) @Nullable String status,
                    @RequestParam(required = false) @Nullable String community,
                    @RequestParam(required = false) @Nullable String category,
                    @RequestParam(required = false) @Nullable String minScore,
                    @RequestParam(required = false) @Nullable String referred,
                    @RequestParam(required = false) @Nullable String duplicates,
                    @RequestParam(required = false) @Nullable String sort, RedirectAttributes redirect) {
        var query = query(status, community, category, minScore, referred, duplicates, sort);
        try {
            queue.saveView(me.userId(), name, query);
            redirect.addFlashAttribute("ok", "volunteer.vetting.view-saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/applications?" + query.link();
    }

    @PostMapping("/volunteer/applications/views/{id}/delete")
    String deleteView(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id) {
        queue.deleteView(me.userId(), id);
        return "redirect:/volunteer/applications";
    }

    private void decide(LiandongUser me, List<UUID> ids, String decision, String reason, RedirectAttributes redirect) {
        VolunteerOffice.Decision chosen;
        try {
            chosen = VolunteerOffice.Decision.valueOf(decision.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("problem", text.of("volunteer.vetting.error.decision"));
            return;
        }
        try {
            var outcome = office.decide(me, ids, chosen, reason);
            redirect.addFlashAttribute("outcome", outcome);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
    }

    private ApplicationQueue.Query query(@Nullable String status, @Nullable String community,
                                         @Nullable String category, @Nullable String minScore,
                                         @Nullable String referred, @Nullable String duplicates,
                                         @Nullable String sort) {
        ApplicationStatus chosen = ApplicationStatus.SUBMITTED;
        if (status != null) {
            chosen = null;
            for (var s : ApplicationStatus.values()) {
                if (s.name().equalsIgnoreCase(status.strip())) {
                    chosen = s;
                }
            }
        }
        var order = "DATE".equalsIgnoreCase(sort) ? ApplicationQueue.Sort.DATE : ApplicationQueue.Sort.SCORE;
        return new ApplicationQueue.Query(chosen,
                community == null || community.isBlank() || community.length() > 12 ? null : community.strip(),
                category == null ? null : VolunteerCategory.fromCode(category.strip()).orElse(null),
                number(minScore, 0, 100), "true".equals(referred), "true".equals(duplicates), order);
    }

    private static int number(@Nullable String text, int min, int max) {
        try {
            return text == null ? min : Math.max(min, Math.min(max, Integer.parseInt(text.strip())));
        } catch (NumberFormatException e) {
            return min;
        }
    }
}
