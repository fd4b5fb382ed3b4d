package org.liandong.volunteer.gate;

import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GateNavigation {

    @Bean
    NavigationItem gatesNavigation() {
        return new NavigationItem("nav.gates", "/gates", Role.staffRoles(), 60, "volunteers");
    }

    @Bean
    NavigationItem gateDutyNavigation() {
        return new NavigationItem("nav.gate-duty", "/gate", Set.of(Role.VOLUNTEER), 15);
    }

    @Bean
    NavigationItem passNavigation() {
        return new NavigationItem("nav.my-pass", "/my/pass", Set.of(Role.RESIDENT), 20);
    }
}
