package org.liandong.notice.guide;

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

/** Guides: everyone reads and searches; staff write and revise. */
@Controller
@PreAuthorize("isAuthenticated()")
class GuideController {

    private static final String STAFF = "hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')";

    private final Guides guides;
    private final LocalisedText text;

    GuideController(Guides guides, LocalisedText text) {
        this.guides = guides;
        this.text = text;
    }

    @GetMapping("/guides")
    String list(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("guides", guides.search(q));
        model.addAttribute("topics", GuideTopic.values());
        return "notice/guides/list";
    }

    @GetMapping("/guides/{id}")
    String show(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        model.addAttribute("guide", guides.version(id, version));
        model.addAttribute("history", guides.history(id));
        return "notice/guides/show";
    }

    @PostMapping("/guides")
    @PreAuthorize(STAFF)
    String create(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String topic,
                  @RequestParam(required = false) @Nullable String title,
                  @RequestParam(required = false) @Nullable String body, RedirectAttributes redirect) {
        try {
            var id = guides.create(me, topic, title, body);
            redirect.addFlashAttribute("ok", "notice.guide.saved");
            return "redirect:/guides/" + id;
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/guides";
        }
    }

    @PostMapping("/guides/{id}")
    @PreAuthorize(STAFF)
    String revise(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, @RequestParam int basedOn,
                  @RequestParam(required = false) @Nullable String title,
                  @RequestParam(required = false) @Nullable String body,
                  @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        try {
            guides.revise(me, id, basedOn, title, body, note);
            redirect.addFlashAttribute("ok", "notice.guide.saved");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:/guides/" + id;
    }
}
