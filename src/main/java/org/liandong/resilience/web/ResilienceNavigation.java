package org.liandong.resilience.web;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResilienceNavigation {

    @Bean
    NavigationItem resilienceDashboardNavigation() {
        return new NavigationItem("nav.resilience.dashboard", "/resilience/dashboard", Role.staffRoles(), 80,
                "resilience");
    }

    @Bean
    NavigationItem resilienceRoundsNavigation() {
        return new NavigationItem("nav.resilience.rounds", "/resilience/rounds", Role.staffRoles(), 81, "resilience");
    }

    @Bean
    NavigationItem resilienceInstrumentsNavigation() {
        return new NavigationItem("nav.resilience.instruments", "/resilience/instruments",
                EnumSet.of(Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 82, "resilience");
    }

    @Bean
    NavigationItem residentSurveyNavigation() {
        return new NavigationItem("nav.resilience.my-survey", "/resilience/my-survey",
                EnumSet.of(Role.RESIDENT, Role.BUILDING_GROUP_LEADER, Role.VOLUNTEER), 45);
    }
}
