/** Tier 2 home observation: cases, check-ins (page and phone API), missed check-ins (used by the demo). */
@NamedInterface("observation")
@NullMarked
package org.liandong.care.observation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
