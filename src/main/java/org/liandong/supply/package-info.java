/**
 * Supplies: distribution rounds with fair, idempotent reservations that hold under a rush, pickup codes and
 * staggered slots, automatic delivery to vulnerable households, and a hash-chained public ledger of donations
 * and allocations.
 */
@ApplicationModule(displayName = "Supplies",
        allowedDependencies = {"platform", "community", "account", "volunteer"})
@NullMarked
package org.liandong.supply;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
