/**
 * Posts with their shift templates, duty rosters solved with Timefold, shift swaps and the volunteer's own
 * shifts. Posts and rosters are a named interface so that other modules (the demo) define and publish them
 * through the same services staff use.
 */
@NamedInterface("roster")
@NullMarked
package org.liandong.volunteer.roster;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
