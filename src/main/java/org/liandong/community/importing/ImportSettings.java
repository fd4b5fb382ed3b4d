package org.liandong.community.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the spreadsheet import, bound to {@code liandong.importing.*}: files above {@code background-above}
 * are checked and committed on a virtual thread while the page shows progress; {@code max-rows} data rows at
 * most.
 */
@ConfigurationProperties("liandong.importing")
record ImportSettings(DataSize backgroundAbove, int maxRows) {

    ImportSettings {
        backgroundAbove = backgroundAbove == null ? DataSize.ofKilobytes(256) : backgroundAbove;
        maxRows = maxRows <= 0 ? 100_000 : maxRows;
    }
}
