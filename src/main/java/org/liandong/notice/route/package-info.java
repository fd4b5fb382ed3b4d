/**
 * Routing other modules' events to people through the outbox: tasks given to volunteers and teams, care
 * alerts raised and escalated. Each listener runs after the other module's commit, in its own transaction,
 * and enqueues with a dedupe key, so an event republished after a crash notifies nobody twice.
 */
@NullMarked
package org.liandong.notice.route;

import org.jspecify.annotations.NullMarked;
