package org.liandong.resilience.playbook;

import static org.liandong.community.Stage.PREPARE;
import static org.liandong.community.Stage.RECOVER;
import static org.liandong.community.Stage.RESPOND;
import static org.liandong.resilience.Dimension.CULTURAL;
import static org.liandong.resilience.Dimension.ORGANISATIONAL;
import static org.liandong.resilience.Dimension.PSYCHOLOGICAL;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.liandong.community.Stage;
import org.liandong.resilience.Dimension;

/**
 * The playbook catalogue: the strategies of the source study per dimension and stage (DOMAIN.md, item 10) as
 * concrete checklist items, each due a number of days after the community entered the stage. Texts (our own
 * wording) under {@code resilience.playbook.item.<key>}.
 */
public enum Strategy {
    // prepare — psychological: science and guides
    PREPARE_SCIENCE(PREPARE, PSYCHOLOGICAL, 14),
    PREPARE_QUARANTINE_GUIDE(PREPARE, PSYCHOLOGICAL, 21),
    PREPARE_QUESTION_CHANNEL(PREPARE, PSYCHOLOGICAL, 30),
    // prepare — organisational: community activities, online platforms, organisation building
    PREPARE_ACTIVITIES(PREPARE, ORGANISATIONAL, 30),
    PREPARE_ONLINE_GROUPS(PREPARE, ORGANISATIONAL, 21),
    PREPARE_VOLUNTEERS(PREPARE, ORGANISATIONAL, 30),
    PREPARE_ORGANISATION(PREPARE, ORGANISATIONAL, 45),
    // prepare — cultural: a culture plan and education
    PREPARE_CULTURE_PLAN(PREPARE, CULTURAL, 45),
    PREPARE_EDUCATION(PREPARE, CULTURAL, 60),
    PREPARE_CARERS(PREPARE, CULTURAL, 14),
    // respond — psychological: case information and health services
    RESPOND_CASE_INFORMATION(RESPOND, PSYCHOLOGICAL, 1),
    RESPOND_HEALTH_SERVICES(RESPOND, PSYCHOLOGICAL, 2),
    RESPOND_RUMOURS(RESPOND, PSYCHOLOGICAL, 3),
    // respond — organisational: mutual aid and resource networks
    RESPOND_MUTUAL_AID(RESPOND, ORGANISATIONAL, 3),
    RESPOND_RESOURCES(RESPOND, ORGANISATIONAL, 5),
    RESPOND_TEAMS(RESPOND, ORGANISATIONAL, 3),
    // respond — cultural: social trust and belonging
    RESPOND_REACH_VULNERABLE(RESPOND, CULTURAL, 1),
    RESPOND_PROGRESS_AND_THANKS(RESPOND, CULTURAL, 7),
    RESPOND_NO_DISCRIMINATION(RESPOND, CULTURAL, 3),
    // recover — psychological: counselling and referral
    RECOVER_COUNSELLING(RECOVER, PSYCHOLOGICAL, 14),
    RECOVER_REFERRALS(RECOVER, PSYCHOLOGICAL, 21),
    RECOVER_SURVEY(RECOVER, PSYCHOLOGICAL, 30),
    // recover — organisational: multi-actor linkage and post-crisis governance
    RECOVER_REVIEW(RECOVER, ORGANISATIONAL, 21),
    RECOVER_PLAN(RECOVER, ORGANISATIONAL, 45),
    RECOVER_KEEP_VOLUNTEERS(RECOVER, ORGANISATIONAL, 30),
    // recover — cultural: rebuilt relationships and an emotional community
    RECOVER_WELCOME_BACK(RECOVER, CULTURAL, 14),
    RECOVER_REUNION(RECOVER, CULTURAL, 30),
    RECOVER_STORIES(RECOVER, CULTURAL, 45);

    private final Stage stage;
    private final Dimension dimension;
    private final int dueDays;

    Strategy(Stage stage, Dimension dimension, int dueDays) {
        this.stage = stage;
        this.dimension = dimension;
        this.dueDays = dueDays;
    }

    public Stage stage() {
        return stage;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** Days after entering the stage by which the item is due. */
    public int dueDays() {
        return dueDays;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String messageKey() {
        return "resilience.playbook.item." + key();
    }

    public static List<Strategy> of(Stage stage) {
        return Arrays.stream(values()).filter(s -> s.stage == stage).toList();
    }
}
