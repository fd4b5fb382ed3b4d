package org.liandong.volunteer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;

/** Reads a QR code back from a PNG, as a phone camera would. */
public final class QrCodes {

    private QrCodes() {
    }

    public static String decode(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new QRCodeReader().decode(bitmap).getText();
        } catch (Exception e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }
}
