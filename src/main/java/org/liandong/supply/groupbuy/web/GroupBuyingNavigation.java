package org.liandong.supply.groupbuy.web;

import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Residents and leaders: 团购 in the top bar. Staff: among the supplies, with the price history. */
@Configuration(proxyBeanMethods = false)
class GroupBuyingNavigation {

    @Bean
    NavigationItem myGroupBuyingNavigation() {
        return new NavigationItem("groupbuy.nav", "/supply/groupbuy", Set.of(Role.RESIDENT,
                Role.BUILDING_GROUP_LEADER), 31);
    }

    @Bean
    NavigationItem staffGroupBuyingNavigation() {
        return new NavigationItem("groupbuy.nav", "/supply/groupbuy", Role.staffRoles(), 71, "supplies");
    }

    @Bean
    NavigationItem priceHistoryNavigation() {
        return new NavigationItem("groupbuy.nav.prices", "/supply/groupbuy/prices", Role.staffRoles(), 76,
                "supplies");
    }
}
