/**
 * Demo data for the embedded start: real places (2023 statistical division codes of 枫林路街道, Xuhui, and
 * 后湖街道, Wuhan) filled with generated, fictional households and residents, plus one login per role.
 * Volunteers, teams, posts, a published duty roster, tasks, hours, gates and passes come through the volunteer
 * module's own services ({@code DemoVolunteers}).
 * Active only with {@code liandong.demo.enabled=true} (the default "demo" profile); loaded once, on the first
 * start against a registry that does not hold the demo streets yet.
 */
@ApplicationModule(displayName = "Demo data", allowedDependencies = {"platform", "community", "account",
        "volunteer", "volunteer :: roster", "volunteer :: gate", "volunteer :: recognition", "volunteer :: wellbeing", "supply"})
@NullMarked
package org.liandong.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
