/** Tier 3 family-support cases (used by the demo). */
@NamedInterface("family")
@NullMarked
package org.liandong.care.family;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
