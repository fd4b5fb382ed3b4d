package org.liandong.care.family;

import java.util.EnumSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.liandong.care.request.HelpRequests;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tier 3 family-support cases. */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class FamilyController {

    private final FamilySupport families;
    private final HelpRequests requests;
    private final FormPost forms;

    private final org.liandong.care.referral.ServiceReferrals services;

    FamilyController(FamilySupport families, HelpRequests requests, FormPost forms,
                     org.liandong.care.referral.ServiceReferrals services) {
        this.services = services;
        this.forms = forms;
        this.families = families;
        this.requests = requests;
    }

    @GetMapping("/care/families")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("cases", families.list(me.scope()));
        model.addAttribute("today", families.today());
        return "care/family/list";
    }

    @GetMapping("/care/families/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var c = families.view(me, id);
        model.addAttribute("case", c);
        model.addAttribute("plan", families.planOf(id));
        model.addAttribute("contacts", families.contacts(id));
        model.addAttribute("requests", requests.ofHousehold(c.householdId()));
        model.addAttribute("today", families.today());
        model.addAttribute("services", services.of(org.liandong.care.referral.ServiceReferrals.Subject.FAMILY, id));
        model.addAttribute("offered", services.offered(c.communityId()));
        return "care/family/detail";
    }

    @PostMapping("/care/families/{id}/plan")
    String plan(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                @RequestParam(required = false) @Nullable String plan, @RequestParam(defaultValue = "1") int every,
                RedirectAttributes redirect) {
        return act(redirect, "care.family.planned", id, () -> families.plan(me, id, plan, every));
    }

    @PostMapping("/care/families/{id}/contacts")
    String contact(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                   @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "care.family.contacted", id, () -> families.contact(me, id, note));
    }

    @PostMapping("/care/families/{id}/services")
    String referToService(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                          @RequestParam(required = false) @Nullable String service,
                          @RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
        return act(redirect, "care.service.referred", id, () -> services.refer(me, org.liandong.care.referral.ServiceReferrals.Subject.FAMILY,
                id, families.get(me, id).communityId(), service, note));
    }

    @PostMapping("/care/families/{id}/close")
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "care.family.closed-ok", id, () -> families.close(me, id));
    }

    private String act(RedirectAttributes redirect, String okKey, UUID id, Runnable action) {
        return forms.run(redirect, okKey, "/care/families/" + id, action);
    }

    @Configuration(proxyBeanMethods = false)
    static class FamilyNavigation {

        @Bean
        NavigationItem careFamilyNavigation() {
            return new NavigationItem("nav.care.families", "/care/families",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 43, "care");
        }
    }
}
