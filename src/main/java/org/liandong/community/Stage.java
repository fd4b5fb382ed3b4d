package org.liandong.community;

import java.util.Locale;

/** Every community is in one stage; it changes what pages show first and which playbook items are due. */
public enum Stage {
    PREPARE, RESPOND, RECOVER;

    public String messageKey() {
        return "stage." + name().toLowerCase(Locale.ROOT);
    }
}
