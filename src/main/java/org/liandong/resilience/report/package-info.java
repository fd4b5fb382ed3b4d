/** Paper and files: the QR poster, household code slips, the community report (PDF) and the anonymised export. */
@NullMarked
package org.liandong.resilience.report;

import org.jspecify.annotations.NullMarked;
