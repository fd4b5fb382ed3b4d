package org.liandong.notice.rumour;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Rumour checks: everyone searches the answers and asks; staff and experts answer. */
@Controller
@PreAuthorize("isAuthenticated()")
class RumourController {

    private final RumourChecks checks;
    private final LocalisedText text;

    RumourController(RumourChecks checks, LocalisedText text) {
        this.checks = checks;
        this.text = text;
    }

    @GetMapping("/rumours")
    String page(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String q,
                Model model) {
        model.addAttribute("q", q);
        model.addAttribute("answered", checks.search(q, 50));
        model.addAttribute("mine", checks.mine(me));
        if (me.role().staff() || me.role() == Role.EXPERT) {
            model.addAttribute("open", checks.open(me));
        }
        return "notice/rumours/page";
    }

    @PostMapping("/rumours")
    String ask(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String question,
               RedirectAttributes redirect) {
        try {
            checks.submit(me, question == null ? "" : question);
            redirect.addFlashAttribute("ok", "notice.rumour.submitted");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/rumours";
    }

    @PostMapping("/rumours/{id}/answer")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN','EXPERT')")
    String answer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(required = false) @Nullable String verdict,
                  @RequestParam(required = false) @Nullable String answer,
                  @RequestParam(required = false) @Nullable String source, RedirectAttributes redirect) {
        try {
            checks.answer(me, id, verdict, answer, source);
            redirect.addFlashAttribute("ok", "notice.rumour.answered");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/rumours";
    }
}
