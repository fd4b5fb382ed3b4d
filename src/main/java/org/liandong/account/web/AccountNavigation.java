package org.liandong.account.web;

import java.util.EnumSet;
import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountNavigation {

    @Bean
    NavigationItem homeNavigation() {
        return new NavigationItem("nav.home", "/", EnumSet.allOf(Role.class), 0);
    }

    @Bean
    NavigationItem claimsNavigation() {
        return new NavigationItem("nav.claims", "/claims", Role.staffRoles(), 40, "registry");
    }

    @Bean
    NavigationItem myHouseholdNavigation() {
        return new NavigationItem("nav.my-household", "/my/household", Set.of(Role.RESIDENT), 10);
    }

    @Bean
    NavigationItem accountsNavigation() {
        return new NavigationItem("nav.accounts", "/admin/accounts", Set.of(Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 80, "admin");
    }

    @Bean
    NavigationItem auditNavigation() {
        return new NavigationItem("nav.audit", "/audit", Set.of(Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 90, "admin");
    }

}
