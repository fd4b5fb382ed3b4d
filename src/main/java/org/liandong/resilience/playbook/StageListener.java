package org.liandong.resilience.playbook;

import org.liandong.community.CommunityStageChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A community switched stage: what is due changes, so the playbook starts the new stage's round. */
@Component
class StageListener {

    private final Playbook playbook;

    StageListener(Playbook playbook) {
        this.playbook = playbook;
    }

    @ApplicationModuleListener
    void on(CommunityStageChanged event) {
        playbook.stageEntered(event.communityId(), event.to(), event.at(), event.reason());
    }
}
