package org.liandong.notice.cap;

import java.util.Locale;

/** The closed vocabularies of CAP 1.2 that an alert's author chooses from (names as in the standard). */
public final class CapValues {

    private CapValues() {
    }

    public enum Category {
        Health, Safety, Security, Rescue, Fire, Met, Geo, Env, Transport, Infra, CBRNE, Other;

        public String messageKey() {
            return "notice.alert.category." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Urgency {
        Immediate, Expected, Future, Past, Unknown;

        public String messageKey() {
            return "notice.alert.urgency." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Severity {
        Extreme, Severe, Moderate, Minor, Unknown;

        public String messageKey() {
            return "notice.alert.severity." + name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Certainty {
        Observed, Likely, Possible, Unlikely, Unknown;

        public String messageKey() {
            return "notice.alert.certainty." + name().toLowerCase(Locale.ROOT);
        }
    }
}
