package org.liandong.care.request;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RequestNavigation {

    @Bean
    NavigationItem careRequestQueueNavigation() {
        return new NavigationItem("nav.care.requests", "/care/requests",
                EnumSet.of(Role.SOCIAL_WORKER, Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN), 40, "care");
    }

    @Bean
    NavigationItem careMyRequestsNavigation() {
        return new NavigationItem("nav.care.my", "/care/my", EnumSet.of(Role.RESIDENT), 20, "care");
    }

    @Bean
    NavigationItem careFileForNavigation() {
        return new NavigationItem("nav.care.file-for", "/care/requests/new", EnumSet.of(Role.BUILDING_GROUP_LEADER), 20);
    }
}
