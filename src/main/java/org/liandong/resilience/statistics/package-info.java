/**
 * The statistics behind the resilience scores, small and free of Spring: weighted means with t intervals, raking,
 * Kish's effective n, Cronbach's α with Feldt's interval, item–total correlations, ICC(1) and ICC(2), changes.
 */
@NullMarked
package org.liandong.resilience.statistics;

import org.jspecify.annotations.NullMarked;
