package org.liandong.partner.web;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PartnerNavigation {

    @Bean
    NavigationItem partnerBoardNavigation() {
        return new NavigationItem("nav.partner.board", "/partner/board", Role.staffRoles(), 70, "partners");
    }

    @Bean
    NavigationItem partnerOrganisationsNavigation() {
        return new NavigationItem("nav.partner.organisations", "/partner/organisations", Role.staffRoles(), 71,
                "partners");
    }

    @Bean
    NavigationItem partnerServicesNavigation() {
        return new NavigationItem("nav.partner.services", "/partner/services", Role.staffRoles(), 72, "partners");
    }

    @Bean
    NavigationItem residentServicesNavigation() {
        var roles = EnumSet.of(Role.RESIDENT, Role.BUILDING_GROUP_LEADER, Role.VOLUNTEER, Role.EXPERT, Role.PARTNER);
        return new NavigationItem("nav.partner.find-services", "/partner/services", roles, 40);
    }

    @Bean
    NavigationItem partnerPortalNavigation() {
        return new NavigationItem("nav.partner.mine", "/partner/my", java.util.Set.of(Role.PARTNER), 10);
    }
}
