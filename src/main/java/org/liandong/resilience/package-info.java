/**
 * How resilient a community is, before, during and after a crisis: Liandong's own resilience survey and the
 * statistics behind its scores, operational indicators read from the other modules through their published
 * APIs and events, the stage playbook of strategies per dimension, the dashboard and the community report.
 * It sits on top: it reads every other module and no module reads it (docs/resilience.md).
 */
@ApplicationModule(displayName = "Resilience", allowedDependencies = {"platform", "community", "volunteer"})
@NullMarked
package org.liandong.resilience;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
