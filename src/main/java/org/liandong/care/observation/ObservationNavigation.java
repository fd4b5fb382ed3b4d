package org.liandong.care.observation;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObservationNavigation {

    @Bean
    NavigationItem careObservationNavigation() {
        return new NavigationItem("nav.care.observations", "/care/observations", EnumSet.of(Role.SOCIAL_WORKER,
                Role.COMMUNITY_STAFF, Role.STREET_ADMIN, Role.PLATFORM_ADMIN, Role.BUILDING_GROUP_LEADER), 42, "care");
    }

    @Bean
    NavigationItem careMyObservationNavigation() {
        return new NavigationItem("nav.care.my-observation", "/care/my/observation", EnumSet.of(Role.RESIDENT), 21, "care");
    }
}
