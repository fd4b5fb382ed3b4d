/** Scores of survey rounds and of communities, as the dashboard and the report read them. */
@NullMarked
package org.liandong.resilience.score;

import org.jspecify.annotations.NullMarked;
