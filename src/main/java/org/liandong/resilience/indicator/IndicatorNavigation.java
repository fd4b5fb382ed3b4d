package org.liandong.resilience.indicator;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The indicator and playbook pages under the staff group "resilience" (shared with the survey pages). */
@Configuration(proxyBeanMethods = false)
class IndicatorNavigation {

    private static final EnumSet<Role> STAFF = EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN,
            Role.PLATFORM_ADMIN);

    @Bean
    NavigationItem resilienceIndicatorNavigation() {
        return new NavigationItem("resilience-indicator.nav.indicators", "/resilience/indicators", STAFF, 86,
                "resilience");
    }

    @Bean
    NavigationItem resiliencePlaybookNavigation() {
        return new NavigationItem("resilience-indicator.nav.playbook", "/resilience/playbook", STAFF, 87, "resilience");
    }
}
