package org.liandong.care.dependant;

import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
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

/** The 24-hour coverage of elderly residents living alone, and recording a call or visit. */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class RoundsController {

    private final Rounds rounds;
    private final Places places;
    private final FormPost forms;
    private final Clock clock;

    RoundsController(Rounds rounds, Places places, FormPost forms, Clock clock) {
        this.rounds = rounds;
        this.places = places;
        this.forms = forms;
        this.clock = clock;
    }

    @GetMapping("/care/rounds")
    String coverage(@AuthenticationPrincipal LiandongUser me, @RequestParam(required = false) @Nullable String community,
                    Model model) {
        var communities = places.communities(me.scope());
        var chosen = community != null && me.scope().covers(community) ? community
                : communities.isEmpty() ? null : communities.getFirst().id();
        var rows = chosen == null ? java.util.List.<Rounds.Coverage>of() : rounds.coverage(me, chosen);
        var now = clock.instant();
        model.addAttribute("communities", communities);
        model.addAttribute("community", chosen);
        model.addAttribute("rows", rows);
        model.addAttribute("now", now);
        model.addAttribute("reached", rows.stream().filter(r -> r.reached(now)).count());
        return "care/dependants/rounds";
    }

    @PostMapping("/care/rounds/contact")
    String contact(@AuthenticationPrincipal LiandongUser me, @RequestParam String community, @RequestParam UUID resident,
                   @RequestParam(defaultValue = "true") boolean reached,
                   @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return forms.run(redirect, "care.rounds.recorded", "/care/rounds?community=" + community,
                () -> rounds.record(me, community, resident, reached, note));
    }

    @PostMapping("/care/rounds/generate")
    String generate(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                    RedirectAttributes redirect) {
        me.scope().check(community);
        rounds.generate(community, clock.instant());
        redirect.addFlashAttribute("ok", "care.rounds.generated");
        return "redirect:/care/rounds?community=" + community;
    }

    @Configuration(proxyBeanMethods = false)
    static class RoundsNavigation {

        @Bean
        NavigationItem careRoundsNavigation() {
            return new NavigationItem("nav.care.rounds", "/care/rounds",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 44, "care");
        }
    }
}
