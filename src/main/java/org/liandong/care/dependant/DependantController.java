package org.liandong.care.dependant;

import java.util.EnumSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.community.CarerRelation;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.platform.web.FormPost;
import org.liandong.care.web.ResidentLookup;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Flagged dependants for the social workers; welfare visits for the building-group leaders. */
@Controller
class DependantController {

    private static final String STAFF = "hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')";

    private final Dependants dependants;
    private final Places places;
    private final LocalisedText text;
    private final FormPost forms;
    private final ResidentLookup residents;

    DependantController(Dependants dependants, Places places, LocalisedText text, FormPost forms,
            ResidentLookup residents) {
        this.forms = forms;
        this.residents = residents;
        this.dependants = dependants;
        this.places = places;
        this.text = text;
    }

    @GetMapping("/care/dependants")
    @PreAuthorize(STAFF)
    String list(@AuthenticationPrincipal LiandongUser me, @RequestParam(defaultValue = "false") boolean resolved,
                Model model) {
        model.addAttribute("flags", dependants.flags(me.scope(), resolved));
        model.addAttribute("resolved", resolved);
        model.addAttribute("relations", CarerRelation.values());
        model.addAttribute("communities", places.communities(me.scope()));
        return "care/dependants/list";
    }

    @PostMapping("/care/dependants/{id}/resolve")
    @PreAuthorize(STAFF)
    String resolve(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String carerName,
                   @RequestParam(required = false) @Nullable String carerPhone,
                   @RequestParam(required = false) @Nullable String relation, RedirectAttributes redirect) {
        return act(redirect, "care.dependant.resolved", "/care/dependants",
                () -> dependants.resolve(me, id, new Dependants.NewCarer(carerName, carerPhone, relation)));
    }

    @PostMapping("/care/dependants/unreachable")
    @PreAuthorize(STAFF)
    String unreachable(@AuthenticationPrincipal LiandongUser me, @RequestParam String community,
                       @RequestParam(required = false) @Nullable String building,
                       @RequestParam(required = false) @Nullable String room,
                       @RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
        return act(redirect, "care.dependant.marked-unreachable", "/care/dependants", () -> dependants.markUnreachable(
                me, residents.find(me, community, building, room, name).residentId()));
    }

    @GetMapping("/care/welfare")
    @PreAuthorize(STAFF + " or hasRole('BUILDING_GROUP_LEADER')")
    String welfare(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("tasks", dependants.welfareTasks(me));
        model.addAttribute("relations", CarerRelation.values());
        return "care/dependants/welfare";
    }

    @PostMapping("/care/welfare/{id}/done")
    @PreAuthorize(STAFF + " or hasRole('BUILDING_GROUP_LEADER')")
    String done(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String note,
                @RequestParam(required = false) @Nullable String carerName,
                @RequestParam(required = false) @Nullable String carerPhone,
                @RequestParam(required = false) @Nullable String relation, RedirectAttributes redirect) {
        return act(redirect, "care.welfare.done", "/care/welfare", () -> dependants.completeWelfareTask(me, id, note,
                new Dependants.NewCarer(carerName, carerPhone, relation)));
    }

    private String act(RedirectAttributes redirect, String okKey, String back, Runnable action) {
        return forms.run(redirect, okKey, back, action);
    }

    @Configuration(proxyBeanMethods = false)
    static class DependantNavigation {

        @Bean
        NavigationItem careDependantNavigation() {
            return new NavigationItem("nav.care.dependants", "/care/dependants",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 43, "care");
        }

        @Bean
        NavigationItem careWelfareNavigation() {
            return new NavigationItem("nav.care.welfare", "/care/welfare", EnumSet.of(Role.BUILDING_GROUP_LEADER), 21);
        }
    }
}
