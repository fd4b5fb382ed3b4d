package org.liandong.volunteer.roster;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A volunteer's own published shifts, swap requests and calendar feed; team leaders decide swaps here too. */
@Controller
class MyShiftsController {

    private final DutyRosters rosters;
    private final ShiftSwaps swaps;
    private final RosterCalendar calendar;
    private final VolunteerDirectory directory;
    private final LocalisedText text;

    MyShiftsController(DutyRosters rosters, ShiftSwaps swaps, RosterCalendar calendar, VolunteerDirectory directory,
                       LocalisedText text) {
        this.rosters = rosters;
        this.swaps = swaps;
        this.calendar = calendar;
        this.directory = directory;
        this.text = text;
    }

    @GetMapping("/volunteer/me/shifts")
    @PreAuthorize("hasRole('VOLUNTEER')")
    String shifts(@AuthenticationPrincipal LiandongUser me, Model model) {
        var volunteer = directory.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        model.addAttribute("volunteer", volunteer);
        model.addAttribute("shifts", rosters.publishedShiftsOf(volunteer.id(), LocalDate.now().minusDays(1)));
        model.addAttribute("colleagues", directory.activeIn(org.liandong.platform.AccessScope.of(
                java.util.List.of(volunteer.communityId())), volunteer.communityId()).stream()
                .filter(v -> !v.id().equals(volunteer.id())).toList());
        model.addAttribute("mySwaps", swaps.mine(volunteer.id()));
        model.addAttribute("toDecide", swaps.pendingFor(me));
        model.addAttribute("feed", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/volunteer/calendar/{token}.ics").buildAndExpand(calendar.token(volunteer.id())).toUriString());
        return "volunteer/roster/my-shifts";
    }

    @PostMapping("/volunteer/me/shifts/{shiftId}/swap")
    @PreAuthorize("hasRole('VOLUNTEER')")
    String requestSwap(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID shiftId,
                       @RequestParam(required = false) @Nullable UUID colleague, RedirectAttributes redirect) {
        try {
            swaps.request(me, shiftId, colleague);
            redirect.addFlashAttribute("ok", "roster.swap.requested");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/volunteer/me/shifts";
    }

    @PostMapping("/volunteer/me/calendar-token")
    @PreAuthorize("hasRole('VOLUNTEER')")
    String regenerate(@AuthenticationPrincipal LiandongUser me, RedirectAttributes redirect) {
        var volunteer = directory.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        calendar.regenerate(volunteer.id());
        redirect.addFlashAttribute("ok", "roster.calendar.regenerated");
        return "redirect:/volunteer/me/shifts";
    }

    /** Staff and team leaders approve or refuse a swap; the rules are checked again on approval. */
    @PostMapping("/volunteer/swaps/{swapId}")
    String decide(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID swapId,
                  @RequestParam(defaultValue = "false") boolean approve,
                  @RequestParam(required = false) @Nullable UUID roster, RedirectAttributes redirect) {
        try {
            swaps.decide(me, swapId, approve);
            redirect.addFlashAttribute("ok", approve ? "roster.swap.approved" : "roster.swap.refused");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return roster != null && me.role().staff() ? "redirect:/volunteer/rosters/" + roster
                : "redirect:/volunteer/me/shifts";
    }
}
