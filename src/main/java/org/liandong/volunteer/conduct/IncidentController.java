package org.liandong.volunteer.conduct;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.AccessScope;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Report a conflict with a volunteer (anyone signed in); settle it step by step (staff of that community). */
@Controller
class IncidentController {

    private final IncidentDesk desk;
    private final Places places;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;

    IncidentController(IncidentDesk desk, Places places, VolunteerDirectory volunteers, LocalisedText text) {
        this.desk = desk;
        this.places = places;
        this.volunteers = volunteers;
        this.text = text;
    }

    @GetMapping("/volunteer/incidents/new")
    String form(Model model) {
        model.addAttribute("communities", places.communities(AccessScope.all()));
        model.addAttribute("kinds", Incident.Kind.values());
        model.addAttribute("today", LocalDate.now());
        return "volunteer/conduct/report";
    }

    @PostMapping("/volunteer/incidents")
    String report(@AuthenticationPrincipal LiandongUser me, @RequestParam String communityId,
                  @RequestParam String volunteerNamed, @RequestParam LocalDate occurredOn, @RequestParam String kind,
                  @RequestParam String description, Model model, RedirectAttributes redirect) {
        try {
            desk.report(me, communityId, volunteerNamed, occurredOn, kind(kind), description);
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            model.addAttribute("volunteerNamed", volunteerNamed);
            model.addAttribute("description", description);
            return form(model);
        }
        redirect.addFlashAttribute("ok", "conduct.reported");
        return "redirect:/volunteer/incidents/new";
    }

    @GetMapping("/volunteer/incidents")
    @PreAuthorize("hasRole('STAFF')")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "true") boolean open,
                Model model) {
        model.addAttribute("incidents", desk.list(me.scope(), open));
        model.addAttribute("flagged", desk.flagged(me.scope()));
        model.addAttribute("open", open);
        return "volunteer/conduct/list";
    }

    @GetMapping("/volunteer/incidents/{id}")
    @PreAuthorize("hasRole('STAFF')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var incident = desk.find(me.scope(), id);
        model.addAttribute("incident", incident);
        model.addAttribute("volunteers", volunteers.activeIn(me.scope(), incident.communityId()));
        model.addAttribute("statuses", java.util.Arrays.stream(Incident.Status.values())
                .filter(s -> s.ordinal() >= incident.status().ordinal() && s != Incident.Status.RECEIVED).toList());
        model.addAttribute("outcomes", Incident.Outcome.values());
        return "volunteer/conduct/show";
    }

    @PostMapping("/volunteer/incidents/{id}/steps")
    @PreAuthorize("hasRole('STAFF')")
    String advance(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String status,
                   @RequestParam String note, @RequestParam(required = false) @Nullable UUID volunteerId,
                   @RequestParam(required = false) @Nullable String outcome, RedirectAttributes redirect) {
        try {
            desk.advance(me, id, parse(Incident.Status.class, status), note, volunteerId,
                    outcome == null || outcome.isBlank() ? null : parse(Incident.Outcome.class, outcome));
            redirect.addFlashAttribute("ok", "conduct.step.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/incidents/" + id;
    }

    private static Incident.Kind kind(String value) {
        return parse(Incident.Kind.class, value);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.bad-request");
        }
    }
}
