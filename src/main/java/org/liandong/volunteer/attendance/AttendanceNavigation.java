package org.liandong.volunteer.attendance;

import java.util.Set;
import org.liandong.platform.NavigationItem;
import org.liandong.platform.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Volunteers: my tasks, my hours. Staff: tasks, check-in points. */
@Configuration(proxyBeanMethods = false)
class AttendanceNavigation {

    @Bean
    NavigationItem myTasksNavigation() {
        return new NavigationItem("volunteer.nav.my-tasks", "/volunteer/me/tasks", Set.of(Role.VOLUNTEER), 52);
    }

    @Bean
    NavigationItem myHoursNavigation() {
        return new NavigationItem("volunteer.nav.my-hours", "/volunteer/me/hours", Set.of(Role.VOLUNTEER), 54);
    }

    @Bean
    NavigationItem tasksNavigation() {
        return new NavigationItem("volunteer.nav.tasks", "/volunteer/tasks", Role.staffRoles(), 62, "volunteers");
    }

    @Bean
    NavigationItem checkInPointsNavigation() {
        return new NavigationItem("volunteer.nav.checkin-points", "/volunteer/checkin-points", Role.staffRoles(), 64, "volunteers");
    }
}
