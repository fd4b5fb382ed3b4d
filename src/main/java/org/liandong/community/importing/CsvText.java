package org.liandong.community.importing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The text of a CSV file and its records. Excel in China saves CSV as GBK unless told otherwise, other
 * tools as UTF-8 with or without a byte-order mark: a file is read as UTF-8 when it is valid UTF-8, else as
 * GB18030 (which contains GBK). Excel's "Unicode text" (UTF-16 with a mark, tab-separated) is read too.
 */
final class CsvText {

    static final Charset GB18030 = Charset.forName("GB18030");
    private static final int SNIFF = 64 * 1024;

    private CsvText() {
    }

    static String decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return decode(bytes, 3);
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        return decode(bytes, 0);
    }

    private static String decode(byte[] bytes, int offset) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, bytes.length - offset, GB18030);
        }
    }

    /** The charset {@link #decode} would use, for messages and tests. */
    static Charset detect(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16LE;
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return StandardCharsets.UTF_16BE;
        }
        int offset = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException e) {
            return GB18030;
        }
    }

    /** Bytes that cannot be the start of a text file: NUL bytes outside UTF-16. */
    static boolean binary(byte[] bytes) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return false;
        }
        for (int i = 0, n = Math.min(bytes.length, SNIFF); i < n; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Decoded text that is mostly control or undecodable characters is not a sheet someone typed. */
    static boolean looksLikeText(String text) {
        int n = Math.min(text.length(), SNIFF);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || c == 0x7F || (c < 0x20 && c != '\t' && c != '\r' && c != '\n')) {
                bad++;
            }
        }
        return bad <= Math.max(2, n / 200);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The records of the text (RFC 4180: quotes, doubled quotes, line breaks inside quotes), numbered from 1. */
    static Iterator<List<String>> records(String text) {
        char delimiter = delimiter(text);
        return new Iterator<>() {
            private int pos = text.startsWith("\uFEFF") ? 1 : 0;

            @Override
            public boolean hasNext() {
                return pos < text.length();
            }

            @Override
            public List<String> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                var cells = new ArrayList<String>();
                var cell = new StringBuilder();
                boolean quoted = false;
                while (pos < text.length()) {
                    char c = text.charAt(pos++);
                    if (quoted) {
                        if (c == '"') {
                            if (pos < text.length() && text.charAt(pos) == '"') {
                                cell.append('"');
                                pos++;
                            } else {
                                quoted = false;
                            }
                        } else {
                            cell.append(c);
                        }
                    } else if (c == '"' && cell.isEmpty()) {
                        quoted = true;
                    } else if (c == delimiter) {
                        cells.add(cell.toString());
                        cell.setLength(0);
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                            pos++;
                        }
                        break;
                    } else {
                        cell.append(c);
                    }
                }
                cells.add(cell.toString());
                return cells;
            }
        };
    }

    /** Comma unless the first line has more tabs or semicolons. */
    static char delimiter(String text) {
        int end = text.indexOf('\n');
        var first = end < 0 ? text : text.substring(0, end);
        int commas = count(first, ','), tabs = count(first, '\t'), semicolons = count(first, ';');
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
