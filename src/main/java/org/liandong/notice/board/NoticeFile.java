package org.liandong.notice.board;

import org.liandong.platform.InvalidValueException;

/**
 * An attachment: a PNG or JPEG image or a PDF, at most 5 MB, recognised by its first bytes — never by its
 * name or the browser's content type.
 */
public record NoticeFile(String name, String contentType, byte[] content) {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_FILES = 3;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};

    public static NoticeFile of(String name, byte[] content) {
        var shown = cleanName(name);
        tooLarge(shown, content.length);
        if (startsWith(content, JPEG)) {
            return new NoticeFile(shown, "image/jpeg", content);
        }
        if (startsWith(content, PNG)) {
            return new NoticeFile(shown, "image/png", content);
        }
        if (startsWith(content, PDF)) {
            return new NoticeFile(shown, "application/pdf", content);
        }
        throw new InvalidValueException("notice.file.wrong-type", shown);
    }

    /** Checked before the bytes are read, so a 10 MB upload is refused without holding it in memory twice. */
    public static void tooLarge(String name, long size) {
        if (size > MAX_BYTES) {
            throw new InvalidValueException("notice.file.too-large", cleanName(name), size / 1024 / 1024,
                    MAX_BYTES / 1024 / 1024);
        }
    }

    public boolean image() {
        return contentType.startsWith("image/");
    }

    static String cleanName(String name) {
        var n = name == null ? "" : name.replaceAll("[\\\\/\\p{Cntrl}\"]", "_").strip();
        if (n.isEmpty()) {
            n = "file";
        }
        return n.length() > 100 ? n.substring(n.length() - 100) : n;
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
