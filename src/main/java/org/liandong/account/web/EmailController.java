package org.liandong.account.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.account.AccountDirectoryView;
import org.liandong.account.AccountEmails;
import org.liandong.platform.AuditLog;
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

/**
 * The e-mail address notifications go to: everyone sets or removes their own at {@code /my/email}; street and
 * platform admins set it for the accounts they manage (audited). Only the masked form is ever shown.
 */
@Controller
class EmailController {

    private final AccountEmails emails;
    private final AccountDirectoryView directory;
    private final AuditLog audit;
    private final LocalisedText text;

    EmailController(AccountEmails emails, AccountDirectoryView directory, AuditLog audit, LocalisedText text) {
        this.emails = emails;
        this.directory = directory;
        this.audit = audit;
        this.text = text;
    }

    @GetMapping("/my/email")
    @PreAuthorize("isAuthenticated()")
    String mine(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("current", emails.masked(me.userId()).orElse(null));
        return "account/email";
    }

    @PostMapping("/my/email")
    @PreAuthorize("isAuthenticated()")
    String setMine(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String email,
                   Model model, RedirectAttributes redirect) {
        try {
            emails.set(me.userId(), email);
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            model.addAttribute("typed", email);
            return mine(me, model);
        }
        redirect.addFlashAttribute("ok", email == null || email.isBlank() ? "account.email.removed" : "account.email.saved");
        return "redirect:/my/email";
    }

    @PostMapping("/admin/accounts/{id}/email")
    @PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
    String setFor(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                  @RequestParam(required = false) @Nullable String email, RedirectAttributes redirect) {
        var account = directory.accounts(me.scope()).stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(OutOfScopeException::new);
        try {
            emails.set(id, email);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
            return "redirect:/admin/accounts";
        }
        audit.record(me, "account.email.set", "account", id.toString(), account.username(), null, null);
        redirect.addFlashAttribute("ok", email == null || email.isBlank() ? "account.email.removed" : "account.email.saved");
        return "redirect:/admin/accounts";
    }
}
