package org.liandong.community.importing;

import java.util.EnumSet;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportNavigation {

    @Bean
    NavigationItem registryImportNavigation() {
        var staff = EnumSet.noneOf(Role.class);
        for (var role : Role.values()) {
            if (role.staff()) {
                staff.add(role);
            }
        }
        return new NavigationItem("nav.import", "/registry/import", staff, 35, "registry");
    }
}
