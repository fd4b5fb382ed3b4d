package org.liandong.volunteer;

import org.liandong.platform.InvalidValueException;

/**
 * A photo that shows a task was done. Only JPEG and PNG up to 5 MB, recognised by their first bytes
 * (the file name and the browser's content type are not trusted).
 */
public record TaskPhoto(String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    public static TaskPhoto of(byte[] content) {
        if (content.length > MAX_BYTES) {
            throw new InvalidValueException("volunteer.task.photo.too-large", MAX_BYTES / 1024 / 1024);
        }
        if (startsWith(content, JPEG)) {
            return new TaskPhoto("image/jpeg", content);
        }
        if (startsWith(content, PNG)) {
            return new TaskPhoto("image/png", content);
        }
        throw new InvalidValueException("volunteer.task.photo.not-an-image");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length + 4) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
