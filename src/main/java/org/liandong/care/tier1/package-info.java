/** Tier 1 screening contacts (used by the demo). */
@NamedInterface("tier1")
@NullMarked
package org.liandong.care.tier1;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
