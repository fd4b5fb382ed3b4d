package org.liandong.resilience.survey;

import java.util.Locale;

/** The source study's elements of social capital: the columns of Liandong's survey grid. */
public enum SocialCapital {
    TRUST_SCOPE,
    RESOURCE_NETWORK,
    SOCIAL_RELATIONSHIPS;

    public String messageKey() {
        return "resilience.element." + name().toLowerCase(Locale.ROOT);
    }

    String code() {
        return switch (this) {
            case TRUST_SCOPE -> "trust";
            case RESOURCE_NETWORK -> "network";
            case SOCIAL_RELATIONSHIPS -> "relation";
        };
    }
}
