package org.liandong.care.tier1;

import java.util.EnumSet;
import org.jspecify.annotations.Nullable;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The one-tap tier 1 log for grid workers and the counts per grid per day. */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class ScreeningLogController {

    private final ScreeningLog log;
    private final Places places;
    private final FormPost forms;

    ScreeningLogController(ScreeningLog log, Places places, FormPost forms) {
        this.log = log;
        this.places = places;
        this.forms = forms;
    }

    @GetMapping("/care/tier1")
    String page(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                Model model) {
        var communities = places.communities(me.scope());
        var chosen = community != null && me.scope().covers(community) ? community
                : communities.isEmpty() ? null : communities.getFirst().id();
        model.addAttribute("communities", communities);
        model.addAttribute("community", chosen);
        model.addAttribute("grids", chosen == null ? java.util.List.of() : log.grids(chosen));
        model.addAttribute("counts", chosen == null ? java.util.List.of() : log.counts(me, chosen, 7));
        return "care/tier1/log";
    }

    @PostMapping("/care/tier1")
    String log(@AuthenticationPrincipal LiandongUser me, @RequestParam String community, @RequestParam String grid,
               @RequestParam(defaultValue = "false") boolean answered, @RequestParam(defaultValue = "false") boolean screened,
               @RequestParam(defaultValue = "false") boolean symptomatic,
               @RequestParam(defaultValue = "false") boolean referred, RedirectAttributes redirect) {
        redirect.addFlashAttribute("lastGrid", grid);
        return forms.run(redirect, "care.tier1.logged", "/care/tier1?community=" + community,
                () -> log.log(me, community, grid, new ScreeningLog.Contact(answered, screened, symptomatic, referred)));
    }

    @Configuration(proxyBeanMethods = false)
    static class Tier1Navigation {

        @Bean
        NavigationItem careTier1Navigation() {
            return new NavigationItem("nav.care.tier1", "/care/tier1",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 45, "care");
        }
    }
}
