package org.liandong.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How big the demo is and how to sign in to it, bound to {@code liandong.demo.*}.
 *
 * @param populatedCommunitiesPerStreet how many communities of each street get households (the first by code)
 * @param residentsPerCommunity         residents in each populated community
 * @param password                      the one password of every demo login
 * @param seed                          seeds every random choice, so two loads produce the same people
 */
@ConfigurationProperties("liandong.demo")
record DemoSettings(boolean enabled, int populatedCommunitiesPerStreet, int residentsPerCommunity, String password,
                    long seed) {

    static final String DEFAULT_PASSWORD = "liandong-demo";

    DemoSettings {
        // the story lives in the first community of each street, so at least one is always populated
        populatedCommunitiesPerStreet = populatedCommunitiesPerStreet <= 0 ? 6 : populatedCommunitiesPerStreet;
        residentsPerCommunity = residentsPerCommunity <= 0 ? 1750 : Math.max(residentsPerCommunity, 50);
        password = password == null || password.isBlank() ? DEFAULT_PASSWORD : password;
        seed = seed == 0 ? 20200123L : seed;
    }
}
