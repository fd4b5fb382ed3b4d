package org.liandong.volunteer.web;

import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class VolunteerApplicationNavigation {

    @Bean
    NavigationItem volunteerApplicationsNavigation() {
        return new NavigationItem("nav.volunteer-applications", "/volunteer/applications", Role.staffRoles(), 40, "volunteers");
    }

    @Bean
    NavigationItem volunteerTeamsNavigation() {
        return new NavigationItem("nav.volunteer-teams", "/volunteer/teams", Role.staffRoles(), 41, "volunteers");
    }

    @Bean
    NavigationItem myTeamsNavigation() {
        return new NavigationItem("nav.volunteer-my-teams", "/volunteer/me/teams", Set.of(Role.VOLUNTEER), 40);
    }
}
