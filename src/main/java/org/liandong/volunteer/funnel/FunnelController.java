package org.liandong.volunteer.funnel;

import org.liandong.platform.LiandongUser;
import org.liandong.platform.LocalisedText;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The recruitment funnel of the viewer's communities. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class FunnelController {

    private final RecruitmentFunnel funnel;
    private final LocalisedText text;

    FunnelController(RecruitmentFunnel funnel, LocalisedText text) {
        this.funnel = funnel;
        this.text = text;
    }

    @GetMapping("/volunteer/funnel")
    String funnel(@AuthenticationPrincipal LiandongUser me, Model model) {
        var applicants = funnel.applicants(me.scope());
        model.addAttribute("total", funnel.total(applicants, text.of("funnel.all")));
        model.addAttribute("communities", funnel.byCommunity(applicants));
        model.addAttribute("categories", funnel.byCategory(applicants));
        return "volunteer/funnel/funnel";
    }

    @Configuration(proxyBeanMethods = false)
    static class FunnelNavigation {

        @Bean
        NavigationItem funnelNavigation() {
            return new NavigationItem("nav.funnel", "/volunteer/funnel", Role.staffRoles(), 68, "volunteers");
        }
    }
}
