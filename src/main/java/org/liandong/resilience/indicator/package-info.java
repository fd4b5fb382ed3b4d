/**
 * The twelve operational indicators of a community, computed from the other modules' read models, and their pages.
 * Other modules read them through {@link org.liandong.resilience.IndicatorSource}.
 */
@NullMarked
package org.liandong.resilience.indicator;

import org.jspecify.annotations.NullMarked;
