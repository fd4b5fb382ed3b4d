package org.liandong.supply.web;

import java.util.EnumSet;
import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Residents: supplies. Staff: rounds, pickup, deliveries, ledger. Leaders: deliveries. */
@Configuration(proxyBeanMethods = false)
class SupplyNavigation {

    @Bean
    NavigationItem mySuppliesNavigation() {
        return new NavigationItem("supply.nav.mine", "/supply/my", Set.of(Role.RESIDENT, Role.BUILDING_GROUP_LEADER), 30);
    }

    @Bean
    NavigationItem roundsNavigation() {
        return new NavigationItem("supply.nav.rounds", "/supply/rounds", Role.staffRoles(), 70, "supplies");
    }

    @Bean
    NavigationItem deliveriesNavigation() {
        var roles = EnumSet.copyOf(Role.staffRoles());
        roles.add(Role.BUILDING_GROUP_LEADER);
        return new NavigationItem("supply.nav.deliveries", "/supply/deliveries", roles, 72, "supplies");
    }

    @Bean
    NavigationItem ledgerNavigation() {
        return new NavigationItem("supply.nav.ledger", "/supply/ledger", Role.staffRoles(), 74, "supplies");
    }
}
