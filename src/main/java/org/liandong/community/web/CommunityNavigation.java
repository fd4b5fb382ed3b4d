package org.liandong.community.web;

import java.util.EnumSet;
import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommunityNavigation {

    static Set<Role> staff() {
        var roles = EnumSet.noneOf(Role.class);
        for (var role : Role.values()) {
            if (role.staff()) {
                roles.add(role);
            }
        }
        return roles;
    }

    @Bean
    NavigationItem residentsNavigation() {
        return new NavigationItem("nav.residents", "/residents", staff(), 10);
    }

    @Bean
    NavigationItem vulnerableNavigation() {
        return new NavigationItem("nav.vulnerable", "/vulnerable", staff(), 20);
    }

    @Bean
    NavigationItem communitiesNavigation() {
        return new NavigationItem("nav.communities", "/communities", staff(), 30);
    }
}
