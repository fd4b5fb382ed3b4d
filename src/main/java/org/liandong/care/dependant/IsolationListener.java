package org.liandong.care.dependant;

import org.liandong.care.ResidentIsolated;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A carer isolated, hospitalised or unreachable: flag their dependants (after the isolation is committed). */
@Component
class IsolationListener {

    private final Dependants dependants;

    IsolationListener(Dependants dependants) {
        this.dependants = dependants;
    }

    @ApplicationModuleListener
    void on(ResidentIsolated event) {
        dependants.carerIsolated(event);
    }
}
