package org.liandong.care.request;

import org.liandong.volunteer.VolunteerTaskAccepted;
import org.liandong.volunteer.VolunteerTaskAssigned;
import org.liandong.volunteer.VolunteerTaskCancelled;
import org.liandong.volunteer.VolunteerTaskCompleted;
import org.liandong.volunteer.VolunteerTaskDeclined;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Moves a help request on when the volunteer task behind it is accepted, declined, cancelled, done — or given to
 * another volunteer on the volunteer pages.
 */
@Component
class TaskFollower {

    private final HelpRequests requests;

    TaskFollower(HelpRequests requests) {
        this.requests = requests;
    }

    @ApplicationModuleListener
    void on(VolunteerTaskAccepted event) {
        requests.taskAccepted(event.taskId(), event.volunteerId(), event.at());
    }

    /** Published when a task is created (care's own assignment: nothing to do) and when staff reassign it. */
    @ApplicationModuleListener
    void on(VolunteerTaskAssigned event) {
        requests.taskReassigned(event.taskId(), event.volunteerId(), event.at());
    }

    @ApplicationModuleListener
    void on(VolunteerTaskDeclined event) {
        requests.taskDeclined(event.taskId(), event.reason(), event.at());
    }

    @ApplicationModuleListener
    void on(VolunteerTaskCancelled event) {
        requests.taskCancelled(event.taskId(), event.byName(), event.reason(), event.at());
    }

    @ApplicationModuleListener
    void on(VolunteerTaskCompleted event) {
        requests.taskCompleted(event.taskId(), event.at());
    }
}
