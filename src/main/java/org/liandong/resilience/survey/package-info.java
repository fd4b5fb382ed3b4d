/**
 * The resilience survey: instruments (Liandong's own and loaded ones), survey rounds, household codes, responses
 * and their scoring. Named interface {@code survey}: the demo opens and answers rounds through it.
 */
@NamedInterface("survey")
@NullMarked
package org.liandong.resilience.survey;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
