package org.liandong.volunteer.recognition;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code liandong.volunteer.certificate.font}: the Chinese font for certificates, a path with an optional
 * index into a collection. Debian's {@code fonts-noto-cjk} puts Simplified Chinese at index 2.
 */
@ConfigurationProperties("liandong.volunteer.certificate")
record CertificateSettings(@Nullable String font) {

    static final String DEFAULT_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,2";

    CertificateSettings {
        font = font == null || font.isBlank() ? DEFAULT_FONT : font;
    }

    String fontFile() {
        var f = font == null ? DEFAULT_FONT : font;
        var comma = f.lastIndexOf(',');
        return comma > 0 && f.substring(comma + 1).matches("\\d+") ? f.substring(0, comma) : f;
    }
}
