package org.liandong.volunteer.wellbeing;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WellbeingNavigation {

    @Bean
    NavigationItem wellbeingCheckInNavigation() {
        return new NavigationItem("nav.wellbeing", "/wellbeing", EnumSet.complementOf(EnumSet.of(Role.RESIDENT)), 96, "me");
    }

    @Bean
    NavigationItem wellbeingFollowUpNavigation() {
        return new NavigationItem("nav.wellbeing-follow-up", "/wellbeing/follow-up",
                EnumSet.of(Role.SOCIAL_WORKER, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 75, "volunteers");
    }
}
