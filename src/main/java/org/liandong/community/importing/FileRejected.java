package org.liandong.community.importing;

import org.jspecify.annotations.Nullable;

/** The whole file cannot be read as a registry sheet; nothing in it is checked further. */
class FileRejected extends RuntimeException {

    private final String messageKey;
    private final @Nullable String arg;

    FileRejected(String messageKey) {
        this(messageKey, null);
    }

    FileRejected(String messageKey, @Nullable String arg) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.arg = arg;
    }

    String messageKey() {
        return messageKey;
    }

    @Nullable String arg() {
        return arg;
    }
}
