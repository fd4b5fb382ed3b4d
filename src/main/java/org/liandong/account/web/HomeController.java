package org.liandong.account.web;

import org.liandong.account.Accounts;
import org.liandong.community.RegistryOverview;
import org.liandong.platform.LiandongUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** One address, a home page per role: staff see what needs attention, residents their household. */
@Controller
class HomeController {

    private final RegistryOverview overview;
    private final Accounts accounts;
    HomeController(RegistryOverview overview, Accounts accounts) {
        this.overview = overview;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Object principal, Model model) {
        if (!(principal instanceof LiandongUser user)) {
            return "account/welcome";
        }
        if (user.role() == org.liandong.platform.Role.PARTNER) {
            return "redirect:/partner/my"; // a partner organisation's contact works from the organisation's page
        }
        if (user.role().staff()) {
            var figures = overview.figures(user.scope());
            model.addAttribute("figures", figures);
            model.addAttribute("totals", RegistryOverview.totals(figures));
            model.addAttribute("pendingClaims", accounts.pendingClaimCount(user.scope()));
            return "account/home-staff";
        }
        accounts.ownHousehold(user.userId()).ifPresent(h -> model.addAttribute("household", h));
        model.addAttribute("claim", accounts.latestClaimOf(user.userId()).orElse(null));
        return "account/home-person";
    }
}
