package org.liandong.volunteer.attendance;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.liandong.volunteer.ServiceHours;
import org.liandong.volunteer.VolunteerDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A volunteer's own ledger; staff see their volunteers' totals and correct them, with a reason. */
@Controller
class HoursController {

    private final ServiceHours hours;
    private final CheckIns checkIns;
    private final VolunteerDirectory volunteers;
    private final Places places;
    private final LocalisedText text;
    private final org.liandong.volunteer.recognition.Recognition recognition;

    HoursController(ServiceHours hours, CheckIns checkIns, VolunteerDirectory volunteers, Places places,
                    LocalisedText text, org.liandong.volunteer.recognition.Recognition recognition) {
        this.hours = hours;
        this.checkIns = checkIns;
        this.volunteers = volunteers;
        this.places = places;
        this.text = text;
        this.recognition = recognition;
    }

    @GetMapping("/volunteer/me/hours")
    @PreAuthorize("hasRole('VOLUNTEER')")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        var volunteer = volunteers.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        var totals = hours.totals(volunteer.id());
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("totals", totals);
        model.addAttribute("standing", recognition.standing(totals.minutes(), totals.tasksDone()));
        model.addAttribute("entries", hours.entries(volunteer.id()));
        model.addAttribute("openStay", checkIns.openStay(volunteer.id()).orElse(null));
        return "volunteer/attendance/my-hours";
    }

    @GetMapping("/volunteer/hours")
    @PreAuthorize("hasRole('STAFF')")
    String staff(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                 Model model) {
        var communities = places.communities(me.scope());
        var chosen = community != null && me.scope().covers(community) ? community
                : communities.isEmpty() ? null : communities.get(0).id();
        model.addAttribute("communities", communities);
        model.addAttribute("community", chosen);
        model.addAttribute("lines", chosen == null ? java.util.List.of() : hours.totalsIn(chosen));
        return "volunteer/attendance/hours";
    }

    @PostMapping("/volunteer/hours/corrections")
    @PreAuthorize("hasRole('STAFF')")
    String correct(@AuthenticationPrincipal LiandongUser me, @RequestParam UUID volunteer,
                   @RequestParam(required = false) @Nullable Integer minutes,
                   @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        var view = volunteers.byId(volunteer).orElseThrow(OutOfScopeException::new);
        me.scope().check(view.communityId());
        try {
            hours.correct(me, volunteer, minutes == null ? 0 : minutes, reason);
            redirect.addFlashAttribute("ok", "volunteer.hours.correction.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/hours?community=" + view.communityId();
    }
}
