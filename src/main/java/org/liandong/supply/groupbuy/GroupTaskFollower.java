package org.liandong.supply.groupbuy;

import org.liandong.volunteer.TaskKind;
import org.liandong.volunteer.VolunteerTaskCompleted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Ticks vulnerable households off the checklist when the volunteer who carried their packs marks the task done. */
@Component
class GroupTaskFollower {

    private final GroupDistribution distribution;

    GroupTaskFollower(GroupDistribution distribution) {
        this.distribution = distribution;
    }

    @ApplicationModuleListener
    void on(VolunteerTaskCompleted event) {
        if (event.kind() == TaskKind.DELIVER) {
            distribution.taskDone(event.taskId(), event.at());
        }
    }
}
