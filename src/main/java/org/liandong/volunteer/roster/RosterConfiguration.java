package org.liandong.volunteer.roster;

import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The solver as a bean (no Timefold starter for Boot 4) and the rosters' navigation links. */
@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

    @Bean
    RosterSolver rosterSolver(RosterSettings settings) {
        return new RosterSolver(settings.timeLimitOrDefault());
    }

    @Bean
    NavigationItem rostersNavigation() {
        return new NavigationItem("roster.nav.rosters", "/volunteer/rosters", Role.staffRoles(), 60, "volunteers");
    }

    @Bean
    NavigationItem myShiftsNavigation() {
        return new NavigationItem("roster.nav.my-shifts", "/volunteer/me/shifts", Set.of(Role.VOLUNTEER), 20);
    }
}
