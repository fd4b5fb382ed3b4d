package org.liandong.volunteer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Map;
import javax.imageio.ImageIO;

/** Reads a QR code back from a PNG, as a phone camera would. */
public final class QrCodes {

    private QrCodes() {
    }

    /**
     * Reads the code from a photo-like image (a rendered page) or, failing that, as the clean computer-made
     * image it usually is: without the PURE_BARCODE hint ZXing now and then misses a perfectly clean code.
     */
    public static String decode(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (NotFoundException | ChecksumException | FormatException e) {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE,
                        DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            }
        } catch (Exception e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }
}
