package org.liandong.account.web;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.liandong.account.AccountDirectoryView;
import org.liandong.account.AccountEmails;
import org.liandong.account.Accounts;
import org.liandong.community.Places;
import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Street and platform admins open accounts for the people who work in their communities: social
 * workers of the contracted agency, committee staff, building-group leaders, volunteers and experts.
 */
@Controller
@PreAuthorize("hasAnyRole('STREET_ADMIN', 'PLATFORM_ADMIN')")
class AccountAdminController {

    private final Accounts accounts;
    private final AccountDirectoryView directory;
    private final Places places;
    private final LocalisedText text;
    private final AccountEmails emails;

    AccountAdminController(Accounts accounts, AccountDirectoryView directory, Places places, LocalisedText text,
                           AccountEmails emails) {
        this.accounts = accounts;
        this.emails = emails;
        this.directory = directory;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/admin/accounts")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        var rows = directory.accounts(me.scope());
        model.addAttribute("accounts", rows);
        var masked = new java.util.HashMap<java.util.UUID, String>();
        emails.of(rows.stream().map(AccountDirectoryView.AccountRow::id).toList())
                .forEach((id, address) -> masked.put(id, AccountEmails.mask(address)));
        model.addAttribute("emails", masked);
        model.addAttribute("communities", places.communities(me.scope()));
        model.addAttribute("roles", assignableRoles(me));
        return "account/admin/accounts";
    }

    @PostMapping("/admin/accounts")
    String create(@AuthenticationPrincipal LiandongUser me, @RequestParam String username,
                  @RequestParam String displayName, @RequestParam String password, @RequestParam String role,
                  @RequestParam(required = false) @Nullable List<String> communities, Model model,
                  RedirectAttributes redirect) {
        try {
            var r = parseRole(role, me);
            var chosen = communities == null ? List.<String>of() : communities;
            chosen.forEach(me.scope()::check);
            if (r.staff() && r != Role.PLATFORM_ADMIN && chosen.isEmpty()) {
                throw new InvalidValueException("admin.accounts.error.scope");
            }
            var name = username == null ? "" : username.strip();
            if (!name.matches("[A-Za-z0-9._\\-]{3,50}")) {
                throw new InvalidValueException("admin.accounts.error.username");
            }
            if (displayName == null || displayName.isBlank() || displayName.length() > 50) {
                throw new InvalidValueException("account.error.name");
            }
            accounts.create(name, displayName.strip(), password, r, List.of(), chosen, null);
        } catch (InvalidValueException e) {
            model.addAttribute("problem", text.of(e));
            return list(me, model);
        }
        redirect.addFlashAttribute("ok", "admin.accounts.created");
        return "redirect:/admin/accounts";
    }

    private static List<Role> assignableRoles(LiandongUser me) {
        var roles = new ArrayList<Role>();
        for (var role : Role.values()) {
            if (role != Role.RESIDENT && (me.role() == Role.PLATFORM_ADMIN || !role.admin())) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static Role parseRole(String text, LiandongUser me) {
        try {
            var role = Role.valueOf(text);
            if (!assignableRoles(me).contains(role)) {
                throw new InvalidValueException("admin.accounts.error.role");
            }
            return role;
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("admin.accounts.error.role");
        }
    }
}
