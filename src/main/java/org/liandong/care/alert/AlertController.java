package org.liandong.care.alert;

import java.util.EnumSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** Open care alerts of the communities in scope: escalated first; acknowledge or close with what was done. */
@Controller
@PreAuthorize("hasAnyRole('SOCIAL_WORKER', 'COMMUNITY_STAFF', 'STREET_ADMIN', 'PLATFORM_ADMIN')")
class AlertController {

    private final CareAlerts alerts;
    private final FormPost forms;

    AlertController(CareAlerts alerts, FormPost forms) {
        this.forms = forms;
        this.alerts = alerts;
    }

    @GetMapping("/care/alerts")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        model.addAttribute("alerts", alerts.open(me.scope()));
        return "care/alerts/list";
    }

    @PostMapping("/care/alerts/{id}/acknowledge")
    String acknowledge(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "care.alert.acknowledged", () -> alerts.acknowledge(me, id));
    }

    @PostMapping("/care/alerts/{id}/close")
    String close(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id,
                 @RequestParam(required = false) @Nullable String resolution, RedirectAttributes redirect) {
        return act(redirect, "care.alert.closed", () -> alerts.close(me, id, resolution));
    }

    private String act(RedirectAttributes redirect, String okKey, Runnable action) {
        return forms.run(redirect, okKey, "/care/alerts", action);
    }

    @Configuration(proxyBeanMethods = false)
    static class AlertNavigation {

        @Bean
        NavigationItem careAlertNavigation() {
            return new NavigationItem("nav.care.alerts", "/care/alerts",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 39, "care");
        }
    }
}
