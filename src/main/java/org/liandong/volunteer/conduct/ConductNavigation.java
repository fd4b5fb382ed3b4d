package org.liandong.volunteer.conduct;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConductNavigation {

    @Bean
    NavigationItem incidentsNavigation() {
        return new NavigationItem("nav.incidents", "/volunteer/incidents", Role.staffRoles(), 70, "volunteers");
    }

    @Bean
    NavigationItem reportIncidentNavigation() {
        var others = EnumSet.complementOf(EnumSet.copyOf(Role.staffRoles()));
        return new NavigationItem("nav.report-incident", "/volunteer/incidents/new", others, 95, "me");
    }
}
