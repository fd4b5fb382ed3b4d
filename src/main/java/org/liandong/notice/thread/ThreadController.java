package org.liandong.notice.thread;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.notice.ChosenCommunity;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.OutOfScopeException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A household talks with its community: residents at /messages, staff at /threads. */
@Controller
class ThreadController {

    private final HouseholdThreads threads;
    private final Places places;
    private final LocalisedText text;

    ThreadController(HouseholdThreads threads, Places places, LocalisedText text) {
        this.threads = threads;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/messages")
    @PreAuthorize("hasAnyRole('RESIDENT','BUILDING_GROUP_LEADER')")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        if (me.householdId().isEmpty()) {
            model.addAttribute("noHousehold", true);
            return "notice/threads/mine";
        }
        model.addAttribute("conversation", threads.mine(me));
        return "notice/threads/mine";
    }

    @PostMapping("/messages")
    @PreAuthorize("hasAnyRole('RESIDENT','BUILDING_GROUP_LEADER')")
    String write(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String body,
                 RedirectAttributes redirect) {
        try {
            threads.writeAsHousehold(me, body == null ? "" : body);
            redirect.addFlashAttribute("ok", "notice.thread.sent");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("draft", body);
        }
        return "redirect:/messages";
    }

    @GetMapping("/threads")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                @RequestParam(defaultValue = "false") boolean unanswered, Model model) {
        var selected = ChosenCommunity.of(places, me, community);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("community", selected);
        model.addAttribute("unanswered", unanswered);
        model.addAttribute("threads", threads.ofCommunity(me.scope(), selected, unanswered));
        model.addAttribute("unansweredCount", threads.unansweredCount(me.scope(), selected));
        return "notice/threads/list";
    }

    @GetMapping("/threads/{id}")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("conversation", threads.forStaff(me.scope(), id, true));
        return "notice/threads/show";
    }

    @PostMapping("/threads/{id}")
    @PreAuthorize("hasAnyRole('COMMUNITY_STAFF','SOCIAL_WORKER','STREET_ADMIN','PLATFORM_ADMIN')")
    String answer(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(required = false) @Nullable String body, RedirectAttributes redirect) {
        try {
            threads.answer(me, id, body == null ? "" : body);
            redirect.addFlashAttribute("ok", "notice.thread.answered");
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            redirect.addFlashAttribute("draft", body);
        }
        return "redirect:/threads/" + id;
    }
}
