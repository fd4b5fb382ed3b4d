package org.liandong.care.observation;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.alert.CareAlerts;
import org.liandong.community.Places;
import org.liandong.community.Registry;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.care.web.ResidentLookup;
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

/** Home observation: the staff list and case page, and the check-in form residents and leaders use. */
@Controller
class ObservationController {

    private static final String STAFF = "hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')";

    private final Observations observations;
    private final CareAlerts alerts;
    private final Registry registry;
    private final Places places;
    private final LocalisedText text;
    private final FormPost forms;
    private final ResidentLookup residents;

    private final CheckInLinks links;

    ObservationController(Observations observations, CareAlerts alerts, Registry registry, Places places,
                          LocalisedText text, FormPost forms,
            ResidentLookup residents, CheckInLinks links) {
        this.links = links;
        this.forms = forms;
        this.residents = residents;
        this.observations = observations;
        this.alerts = alerts;
        this.registry = registry;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/care/observations")
    @PreAuthorize(STAFF + " or hasRole('BUILDING_GROUP_LEADER')")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "false") boolean closed,
                Model model) {
        model.addAttribute("rows", observations.list(me, closed));
        model.addAttribute("closed", closed);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("reasons", Observations.Reason.values());
        return "care/observations/list";
    }

    @PostMapping("/care/observations")
    @PreAuthorize(STAFF)
    String open(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                @RequestParam(required = false) @Nullable String building,
                @RequestParam(required = false) @Nullable String room,
                @RequestParam(required = false) @Nullable String name,
                @RequestParam(required = false) @Nullable String reason,
                @RequestParam(defaultValue = "14") int days, RedirectAttributes redirect) {
        try {
            var resident = residents.find(me, community, building, room, name);
            var id = observations.open(me, resident.residentId(), reason, days);
            redirect.addFlashAttribute("ok", "care.observation.opened");
            return "redirect:/care/observations/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/care/observations";
        }
    }

    @GetMapping("/care/observations/{id}")
    @PreAuthorize(STAFF + " or hasAnyRole('EXPERT', 'RESIDENT')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var c = observations.view(me, id);
        model.addAttribute("case", c);
        model.addAttribute("checkIns", observations.checkIns(id));
        model.addAttribute("notes", observations.notes(id));
        model.addAttribute("alerts", alerts.about(id));
        model.addAttribute("outcomes", ObservationOutcome.values());
        var code = links.code(c.id(), c.codeVersion());
        model.addAttribute("checkInCode", code);
        model.addAttribute("checkInLink", PhoneCheckInController.link(code));
        return "care/observations/detail";
    }

    @PostMapping("/care/observations/{id}/close")
    @PreAuthorize(STAFF)
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam(required = false) @Nullable String outcome, RedirectAttributes redirect) {
        return act(redirect, "care.observation.closed-ok", "/care/observations/" + id,
                () -> observations.close(me, id, outcome));
    }

    /** A new check-in code for the case; the old one is refused from now on (audited). */
    @PostMapping("/care/observations/{id}/check-in-code")
    @PreAuthorize(STAFF)
    String rotateCode(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "care.checkin.code.rotated", "/care/observations/" + id,
                () -> observations.rotateCheckInCode(me, id));
    }

    @PostMapping("/care/observations/{id}/notes")
    @PreAuthorize(STAFF)
    String note(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String text, RedirectAttributes redirect) {
        return act(redirect, "care.observation.noted", "/care/observations/" + id,
                () -> observations.note(me, id, text));
    }

    @GetMapping("/care/observations/{id}/check-in")
    @PreAuthorize("isAuthenticated()")
    String checkInForm(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("case", observations.forCheckIn(me, id));
        model.addAttribute("symptoms", Symptom.values());
        model.addAttribute("token", UUID.randomUUID().toString());
        return "care/observations/check-in";
    }

    @PostMapping("/care/observations/{id}/check-ins")
    @PreAuthorize("isAuthenticated()")
    String checkIn(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String temperature,
                   @RequestParam(required = false) @Nullable List<String> symptoms,
                   @RequestParam(required = false) @Nullable String needs,
                   @RequestParam(required = false) @Nullable String clientToken, Model model,
                   RedirectAttributes redirect) {
        try {
            observations.checkIn(me, id, temperature, symptoms, needs, clientToken);
            redirect.addFlashAttribute("ok", "care.checkin.recorded");
            return "redirect:/care/observations/" + id + "/check-in";
        } catch (InvalidValueException e) {
            checkInForm(me, id, model);
            model.addAttribute("problem", text.of(e));
            model.addAttribute("typed", temperature);
            model.addAttribute("typedNeeds", needs);
            return "care/observations/check-in";
        }
    }

    @GetMapping("/care/my/observation")
    @PreAuthorize("hasRole('RESIDENT')")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("cases", observations.ofHousehold(me));
        return "care/observations/mine";
    }

    private String act(RedirectAttributes redirect, String okKey, String back, Runnable action) {
        return forms.run(redirect, okKey, back, action);
    }
}
