package org.liandong.platform;

/**
 * A value a person typed or imported is not acceptable. Carries a message key (and arguments) so the
 * web layer can tell the person why, in their language.
 */
public class InvalidValueException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public InvalidValueException(String messageKey, Object... args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }
}
