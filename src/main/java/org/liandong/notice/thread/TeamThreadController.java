package org.liandong.notice.thread;

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

/** Team threads: volunteers of a team and the staff of its community. */
@Controller
@PreAuthorize("hasAnyRole('VOLUNTEER','COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
class TeamThreadController {

    private final TeamThreads threads;
    private final LocalisedText text;

    TeamThreadController(TeamThreads threads, LocalisedText text) {
        this.threads = threads;
        this.text = text;
    }

    @GetMapping("/team-threads")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("teams", threads.mine(me));
        return "notice/threads/teams";
    }

    @GetMapping("/team-threads/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("conversation", threads.read(me, id));
        return "notice/threads/team";
    }

    @PostMapping("/team-threads/{id}")
    String write(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam(required = false) @Nullable String body, RedirectAttributes redirect) {
        try {
            threads.write(me, id, body == null ? "" : body);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("draft", body);
        }
        return "redirect:/team-threads/" + id;
    }
}
