package org.liandong.care.request;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.HelpKind;
import org.liandong.care.Urgency;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.platform.LocalisedText;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The triage queue, one request with suggested volunteers, and filing a request for someone who phoned. */
@Controller
class RequestController {

    private final HelpRequests requests;
    private final Suggestions suggestions;
    private final Places places;
    private final LocalisedText text;
    private final FormPost forms;

    RequestController(HelpRequests requests, Suggestions suggestions, Places places, LocalisedText text,
                      FormPost forms) {
        this.forms = forms;
        this.requests = requests;
        this.suggestions = suggestions;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/care/requests")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String queue(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                 Model model) {
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("community", community);
        model.addAttribute("queue", requests.queue(me.scope(), community));
        model.addAttribute("recent", requests.recent(me.scope(), community, 50));
        return "care/requests/queue";
    }

    @PostMapping("/care/requests/assign-all")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String assignAll(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                     RedirectAttributes redirect) {
        var n = suggestions.assignAll(me, community);
        redirect.addFlashAttribute("ok", n == 0 ? "care.request.assigned-none" : "care.request.assigned-all");
        return "redirect:/care/requests?community=" + community;
    }

    @GetMapping("/care/requests/new")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN', 'BUILDING_GROUP_LEADER')")
    String form(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("kinds", HelpKind.values());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("token", UUID.randomUUID().toString());
        return "care/requests/new";
    }

    @PostMapping("/care/requests")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN', 'BUILDING_GROUP_LEADER')")
    String file(@AuthenticationPrincipal LiandongUser me, HelpRequests.NewRequest form, Model model,
                RedirectAttributes redirect) {
        try {
            var id = requests.file(me, form);
            redirect.addFlashAttribute("ok", "care.request.filed");
            return "redirect:/care/requests/" + id;
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            model.addAttribute("form", form);
            form(me, model);
            model.addAttribute("token", form.clientToken() == null ? UUID.randomUUID().toString() : form.clientToken());
            return "care/requests/new";
        }
    }

    @GetMapping("/care/requests/{id}")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN', 'BUILDING_GROUP_LEADER')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var request = requests.get(me, id);
        model.addAttribute("request", request);
        model.addAttribute("history", requests.history(id));
        model.addAttribute("urgencies", Urgency.values());
        if (me.role().staff() && request.status().waiting()) {
            model.addAttribute("suggestions", suggestions.suggest(me.scope(), request, 10));
        }
        return "care/requests/detail";
    }

    @PostMapping("/care/requests/{id}/assign")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String assign(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam UUID volunteer,
                  RedirectAttributes redirect) {
        return act(id, redirect, "care.request.assigned", () -> requests.assign(me, id, volunteer));
    }

    @PostMapping("/care/requests/{id}/triage")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String triage(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(required = false) @Nullable String urgency, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.triaged", () -> requests.triage(me, id, urgency));
    }

    @PostMapping("/care/requests/{id}/escalate")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String escalate(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                    @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.escalated", () -> requests.escalate(me, id, note));
    }

    @PostMapping("/care/requests/{id}/cancel")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String cancel(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.cancelled", () -> requests.cancel(me, id, reason));
    }

    @PostMapping("/care/requests/{id}/rate")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN', 'BUILDING_GROUP_LEADER')")
    String rate(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam int rating,
                @RequestParam(required = false) @Nullable String thanks, RedirectAttributes redirect) {
        return act(id, redirect, "care.request.rated", () -> requests.rate(me, id, rating, thanks));
    }

    private String act(UUID id, RedirectAttributes redirect, String okKey, Runnable action) {
        return forms.run(redirect, okKey, "/care/requests/" + id, action);
    }
}
