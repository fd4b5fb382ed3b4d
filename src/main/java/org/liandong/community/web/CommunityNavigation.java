package org.liandong.community.web;

import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CommunityNavigation {


    @Bean
    NavigationItem residentsNavigation() {
        return new NavigationItem("nav.residents", "/residents", Role.staffRoles(), 10, "registry");
    }

    @Bean
    NavigationItem vulnerableNavigation() {
        return new NavigationItem("nav.vulnerable", "/vulnerable", Role.staffRoles(), 20, "registry");
    }

    @Bean
    NavigationItem communitiesNavigation() {
        return new NavigationItem("nav.communities", "/communities", Role.staffRoles(), 30, "registry");
    }
}
