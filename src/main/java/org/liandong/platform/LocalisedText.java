package org.liandong.platform;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns a message key (or an {@link InvalidValueException}) into text in the current person's language. */
@Component
public class LocalisedText {

    private final MessageSource messages;

    LocalisedText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(InvalidValueException problem) {
        return of(problem.messageKey(), problem.args());
    }

    public String of(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
