package org.liandong.volunteer.wellbeing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
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

/** A two-minute check-in for the people who carry the community, and the follow-up list for social workers. */
@Controller
class WellbeingController {

    private final WellbeingDesk desk;
    private final LocalisedText text;

    WellbeingController(WellbeingDesk desk, LocalisedText text) {
        this.desk = desk;
        this.text = text;
    }

    @GetMapping("/wellbeing")
    @PreAuthorize("!hasRole('RESIDENT')")
    String form(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("questions", questions());
        model.addAttribute("history", desk.mine(me));
        return "volunteer/wellbeing/check-in";
    }

    @PostMapping("/wellbeing")
    @PreAuthorize("!hasRole('RESIDENT')")
    String checkIn(@AuthenticationPrincipal LiandongUser me, @RequestParam java.util.Map<String, String> form,
                   Model model) {
        WellbeingScore score;
        var wantsContact = "true".equals(form.get("wantsContact"));
        try {
            score = parse(form);
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return form(me, model);
        }
        model.addAttribute("result", desk.record(me, score, wantsContact));
        return "volunteer/wellbeing/result";
    }

    @GetMapping("/wellbeing/follow-up")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String followUp(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("checkIns", desk.toFollowUp(me.scope()));
        return "volunteer/wellbeing/follow-up";
    }

    @PostMapping("/wellbeing/{id}/acknowledge")
    @PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
    String acknowledge(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam String note,
                       RedirectAttributes redirect) {
        try {
            desk.acknowledge(me, id, note);
            redirect.addFlashAttribute("ok", "wellbeing.acknowledged");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/wellbeing/follow-up";
    }

    static List<String> questions() {
        var keys = new ArrayList<String>();
        for (int i = 1; i <= WellbeingScore.QUESTIONS; i++) {
            keys.add("wellbeing.q" + i);
        }
        return keys;
    }

    private static WellbeingScore parse(java.util.Map<String, String> form) {
        var answers = new ArrayList<Integer>();
        try {
            for (int i = 1; i <= WellbeingScore.QUESTIONS; i++) {
                var answer = form.get("q" + i);
                if (answer == null) {
                    throw new InvalidValueException("wellbeing.error.answers");
                }
                answers.add(Integer.valueOf(answer.strip()));
            }
            return new WellbeingScore(answers);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("wellbeing.error.answers");
        }
    }
}
