package org.liandong.resilience.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.liandong.platform.InvalidValueException;
import org.openpdf.text.pdf.BaseFont;

/**
 * The Chinese font of the resilience PDFs: Noto Sans CJK from Debian's {@code fonts-noto-cjk} (face 2 of the
 * collection is Simplified Chinese), as the certificates and the situation report use it. Without it the PDFs are
 * refused with a message that names the package to install.
 */
final class PdfFonts {

    static final Path FONT = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
    static final Path BOLD = Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc");

    private PdfFonts() {
    }

    static BaseFont regular() {
        return load(FONT);
    }

    static BaseFont bold() {
        return Files.isReadable(BOLD) ? load(BOLD) : regular();
    }

    private static BaseFont load(Path file) {
        if (!Files.isReadable(file)) {
            throw new InvalidValueException("resilience.report.font-missing", "fonts-noto-cjk");
        }
        try {
            return BaseFont.createFont(file + ",2", BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new InvalidValueException("resilience.report.font-missing", "fonts-noto-cjk");
        }
    }
}
