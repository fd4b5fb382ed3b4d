/**
 * Volunteers: applications and their vetting, the volunteers themselves with their categories and skills,
 * teams, duty rosters, tasks, attendance and hours, recognition, conflicts and gates.
 */
@ApplicationModule(displayName = "Volunteers", allowedDependencies = {"platform", "community", "account"})
@NullMarked
package org.liandong.volunteer;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
