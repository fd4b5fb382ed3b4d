/**
 * Care: help requests and their matching to volunteers, the three-tier care model (home observation with
 * twice-daily check-ins), dependants of isolated carers, screening and referrals to experts, and the alerts
 * that escalate when nobody acts.
 */
@ApplicationModule(displayName = "Help requests and care",
        allowedDependencies = {"platform", "community", "account", "volunteer", "partner"})
@NullMarked
package org.liandong.care;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
