package org.liandong.notice.outbox;

import java.util.UUID;
import org.liandong.platform.LiandongUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The in-app inbox of anyone signed in, with the unread count. */
@Controller
@PreAuthorize("isAuthenticated()")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("messages", inbox.messages(me, 100));
        model.addAttribute("unread", inbox.unread(me));
        return "notice/inbox/list";
    }

    /** The count alone, for an htmx badge. */
    @GetMapping("/inbox/unread")
    String unread(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("unread", inbox.unread(me));
        return "notice/inbox/list :: badge";
    }

    @GetMapping("/inbox/{id}")
    String open(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        model.addAttribute("message", inbox.open(me, id));
        return "notice/inbox/show";
    }

    @PostMapping("/inbox/read-all")
    String readAll(@AuthenticationPrincipal LiandongUser me, RedirectAttributes redirect) {
        inbox.readAll(me);
        redirect.addFlashAttribute("ok", "notice.inbox.all-read");
        return "redirect:/inbox";
    }
}
