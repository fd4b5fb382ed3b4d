package org.liandong.notice;

import java.util.EnumSet;
import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's links: near the front for residents, leaders and volunteers (reading is what they come for),
 * after the registry's links for staff (whose daily work starts there).
 */
@Configuration(proxyBeanMethods = false)
class NoticeNavigation {

    static Set<Role> others() {
        return EnumSet.complementOf(EnumSet.copyOf(Role.staffRoles()));
    }

    @Bean
    NavigationItem inboxNavigation() {
        return new NavigationItem("nav.inbox", "/inbox", EnumSet.allOf(Role.class), 5);
    }

    @Bean
    NavigationItem noticesNavigation() {
        return new NavigationItem("nav.notices", "/notices", others(), 6, "info");
    }

    @Bean
    NavigationItem staffNoticesNavigation() {
        return new NavigationItem("nav.notices", "/notices", Role.staffRoles(), 36, "info");
    }

    @Bean
    NavigationItem householdMessagesNavigation() {
        return new NavigationItem("nav.household-messages", "/messages",
                Set.of(Role.RESIDENT, Role.BUILDING_GROUP_LEADER), 7);
    }

    @Bean
    NavigationItem threadsNavigation() {
        return new NavigationItem("nav.threads", "/threads", Role.staffRoles(), 37, "info");
    }

    @Bean
    NavigationItem rumoursNavigation() {
        return new NavigationItem("nav.rumours", "/rumours", others(), 8, "info");
    }

    @Bean
    NavigationItem staffRumoursNavigation() {
        return new NavigationItem("nav.rumours", "/rumours", Role.staffRoles(), 38, "info");
    }

    @Bean
    NavigationItem teamThreadsNavigation() {
        return new NavigationItem("nav.team-threads", "/team-threads", Set.of(Role.VOLUNTEER), 45);
    }

    @Bean
    NavigationItem staffTeamThreadsNavigation() {
        return new NavigationItem("nav.team-threads", "/team-threads", Role.staffRoles(), 66, "volunteers");
    }

    @Bean
    NavigationItem guidesNavigation() {
        return new NavigationItem("nav.guides", "/guides", others(), 9, "info");
    }

    @Bean
    NavigationItem staffGuidesNavigation() {
        return new NavigationItem("nav.guides", "/guides", Role.staffRoles(), 75, "info");
    }
}
