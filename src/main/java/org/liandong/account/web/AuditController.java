package org.liandong.account.web;

import org.liandong.platform.AuditLog;
import org.liandong.platform.LiandongUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Street and platform admins read who saw whose personal data, and why. */
@Controller
class AuditController {

    private static final int PAGE = 50;

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String audit(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "0") int page, Model model) {
        var p = Math.max(0, page);
        var entries = audit.latest(me.scope(), PAGE + 1, p * PAGE);
        model.addAttribute("entries", entries.stream().limit(PAGE).toList());
        model.addAttribute("page", p);
        model.addAttribute("hasNext", entries.size() > PAGE);
        return "account/audit";
    }
}
