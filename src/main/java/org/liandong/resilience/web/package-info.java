/** Pages of the resilience survey: answering, rounds, results, dashboard, street comparison, instruments. */
@NullMarked
package org.liandong.resilience.web;

import org.jspecify.annotations.NullMarked;
