package org.liandong.demo;

import java.util.Map;
import org.liandong.platform.LiandongUser;
import org.liandong.resilience.playbook.Playbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The "prepare" playbook of the two story communities of 枫林路街道 (张家浜居委会 and the next one), part way
 * through: owners named, a few items done with evidence that links to Liandong's own pages. Only through the
 * playbook's service; idempotent (a community whose round already has an owner or a done item is left alone).
 */
@Component
@Order(61)
@ConditionalOnProperty(prefix = "liandong.demo", name = "enabled", havingValue = "true")
class DemoPlaybook implements DemoChapter {

    private static final Logger log = LoggerFactory.getLogger(DemoPlaybook.class);

    /** Item → evidence of the items done in 张家浜居委会 (null: done, no link). */
    static final Map<String, String> DONE_FIRST = Map.of(
            "prepare-carers", "/vulnerable",
            "prepare-volunteers", "/volunteer/applications",
            "prepare-organisation", "/volunteer/teams",
            "prepare-question-channel", "/rumours");
    /** …and in the second community, which is further behind. */
    static final Map<String, String> DONE_SECOND = Map.of("prepare-science", "/notices");

    private final Playbook playbook;
    private final UserDetailsService users;

    DemoPlaybook(Playbook playbook, UserDetailsService users) {
        this.playbook = playbook;
        this.users = users;
    }

    @Override
    public String name() {
        return "playbook";
    }

    @Override
    public void load(Divisions divisions, DemoStory story) {
        var communities = divisions.communitiesOf(DemoCity.SHANGHAI.streetCode());
        var staff = (LiandongUser) users.loadUserByUsername("staff-fenglin");
        var socialWorker = (LiandongUser) users.loadUserByUsername("social-worker");
        var loaded = 0;
        for (int i = 0; i < Math.min(2, communities.size()); i++) {
            var worker = i == 0 ? staff : socialWorker;
            if (plan(communities.get(i).code(), worker, socialWorker, i == 0 ? DONE_FIRST : DONE_SECOND)) {
                loaded++;
            }
        }
        if (loaded > 0) {
            log.info("Demo data: playbook of {} communities of 枫林路街道 part way through", loaded);
        }
    }

    /** Owners for every item (staff for the organisational ones, the social worker for the rest), some done. */
    private boolean plan(String community, LiandongUser worker, LiandongUser socialWorker, Map<String, String> done) {
        var round = playbook.current(community);
        if (round.items().stream().anyMatch(i -> i.done() || i.ownerId() != null)) {
            return false;
        }
        for (var item : round.items()) {
            var owner = item.dimension() == org.liandong.resilience.Dimension.ORGANISATIONAL ? worker : socialWorker;
            var key = item.itemKey() == null ? "" : item.itemKey();
            playbook.edit(worker, item.id(), owner.userId().toString(), null, done.get(key));
            if (done.containsKey(key)) {
                playbook.tick(worker, item.id(), true);
            }
        }
        return true;
    }

}
