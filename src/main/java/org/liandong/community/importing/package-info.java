/**
 * Loading the household registry from the spreadsheet a committee already keeps (CSV or XLSX), checked row by
 * row and committed all or nothing, and exporting it again with ID numbers and phones masked.
 */
@NullMarked
package org.liandong.community.importing;

import org.jspecify.annotations.NullMarked;
