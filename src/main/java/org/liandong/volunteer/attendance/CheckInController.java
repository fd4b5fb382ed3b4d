package org.liandong.volunteer.attendance;

import jakarta.servlet.http.HttpServletResponse;
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

/**
 * What the phone opens after scanning a point's QR code: the code is checked first (today's, genuine),
 * then one tap checks in, or out.
 */
@Controller
@PreAuthorize("hasRole('VOLUNTEER')")
class CheckInController {

    private final CheckIns checkIns;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;

    CheckInController(CheckIns checkIns, VolunteerDirectory volunteers, LocalisedText text) {
        this.checkIns = checkIns;
        this.volunteers = volunteers;
        this.text = text;
    }

    @GetMapping("/volunteer/checkin/{pointId}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID pointId,
                @RequestParam(required = false) @Nullable String d, @RequestParam(required = false) @Nullable String s,
                Model model, HttpServletResponse response) {
        var volunteer = volunteers.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        model.addAttribute("d", d);
        model.addAttribute("s", s);
        try {
            var point = checkIns.verify(pointId, d, s);
            model.addAttribute("point", point);
            var open = checkIns.openStay(volunteer.id());
            model.addAttribute("openHere", open.filter(stay -> stay.pointId().equals(pointId)).orElse(null));
            model.addAttribute("openElsewhere", open.filter(stay -> !stay.pointId().equals(pointId)).orElse(null));
        } catch (InvalidValueException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", text.of(e));
        }
        return "volunteer/attendance/checkin";
    }

    @PostMapping("/volunteer/checkin/{pointId}")
    String scan(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID pointId,
                @RequestParam(required = false) @Nullable String d, @RequestParam(required = false) @Nullable String s,
                Model model, HttpServletResponse response) {
        var volunteer = volunteers.byUser(me.userId()).orElseThrow(OutOfScopeException::new);
        try {
            model.addAttribute("result", checkIns.scan(volunteer.id(), volunteer.name(), pointId, d, s));
        } catch (InvalidValueException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problem", text.of(e));
        }
        return "volunteer/attendance/checkin";
    }
}
