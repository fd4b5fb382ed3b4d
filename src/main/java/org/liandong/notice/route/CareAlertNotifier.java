package org.liandong.notice.route;

import java.util.List;
import org.liandong.account.Accounts;
import org.liandong.care.CareAlertEscalated;
import org.liandong.care.CareAlertRaised;
import org.liandong.notice.Notification;
import org.liandong.notice.Notifications;
import org.liandong.platform.Role;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Care alerts reach the people who must act: a new alert its responsible worker (or, without one, the
 * community's social workers); an escalated one the street admins. In-app and by e-mail; the text names the
 * kind and the deadline, never the resident (the alert page, behind sign-in and audit, does).
 */
@Component
class CareAlertNotifier {

    static final String LINK = "/care/alerts";

    private final Notifications notifications;
    private final Accounts accounts;
    private final People people;

    CareAlertNotifier(Notifications notifications, Accounts accounts, People people) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.people = people;
    }

    @ApplicationModuleListener
    void on(CareAlertRaised event) {
        var users = event.responsibleId() != null ? List.of(event.responsibleId())
                : accounts.withRole(Role.SOCIAL_WORKER, List.of(event.communityId())).stream()
                        .map(Accounts.Holder::userId).toList();
        if (users.isEmpty()) {
            return; // nobody to tell yet: the alert waits on /care/alerts and escalates at its deadline
        }
        var kind = kind(event.kind());
        notifications.enqueue(Notification.of("CARE_ALERT", people.text("notice.route.care.title", kind),
                        people.text("notice.route.care.body", People.when(event.actBy())), people.everyChannel(users))
                .in(event.communityId()).about("care-alert:" + event.alertId(), LINK)
                .once("care-alert:" + event.alertId()));
    }

    @ApplicationModuleListener
    void on(CareAlertEscalated event) {
        var users = accounts.withRole(Role.STREET_ADMIN, List.of(event.communityId())).stream()
                .map(Accounts.Holder::userId).toList();
        if (users.isEmpty()) {
            return;
        }
        var kind = kind(event.kind());
        notifications.enqueue(Notification.of("CARE_ALERT", people.text("notice.route.care.escalated-title", kind),
                        people.text("notice.route.care.escalated-body"), people.everyChannel(users))
                .in(event.communityId()).about("care-alert:" + event.alertId(), LINK)
                .once("care-alert-escalated:" + event.alertId()));
    }

    private String kind(String kind) {
        return people.text("care.alert.kind." + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
}
