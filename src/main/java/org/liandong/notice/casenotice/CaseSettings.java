package org.liandong.notice.casenotice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** k: a case notice names a place only if it holds at least this many households ({@code liandong.notice.case.k}). */
@ConfigurationProperties("liandong.notice.case")
record CaseSettings(@DefaultValue("20") int k) {

    CaseSettings {
        if (k < 1) {
            throw new IllegalArgumentException("liandong.notice.case.k must be at least 1");
        }
    }
}
