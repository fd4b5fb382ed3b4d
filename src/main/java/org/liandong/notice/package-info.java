/**
 * Information release: notices, anonymised case notices, CAP 1.2 alerts, and the notification outbox
 * through which every notice, alert, task and care alert reaches people (in-app, e-mail, group-robot
 * webhook, SMS), with nothing lost in a crash.
 */
@ApplicationModule(displayName = "Information release",
        allowedDependencies = {"platform", "community", "account", "volunteer", "care"})
@NullMarked
package org.liandong.notice;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
