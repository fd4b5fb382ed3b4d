package org.liandong.care.referral;

import org.liandong.platform.LocalisedText;
import org.liandong.volunteer.VolunteerDirectory;
import org.liandong.volunteer.WellbeingConcernRaised;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Care for the carers: a worrying wellbeing check-in from the volunteer module opens a psychological-support
 * referral (urgent when the risk is high) to the community's expert on call.
 */
@Component
class WellbeingListener {

    private final Referrals referrals;
    private final VolunteerDirectory volunteers;
    private final LocalisedText text;

    WellbeingListener(Referrals referrals, VolunteerDirectory volunteers, LocalisedText text) {
        this.referrals = referrals;
        this.volunteers = volunteers;
        this.text = text;
    }

    @ApplicationModuleListener
    void on(WellbeingConcernRaised event) {
        if (event.communityId() == null) {
            return; // nobody to route it to; the volunteer module's follow-up list still shows it
        }
        var name = volunteers.byUser(event.userId()).map(VolunteerDirectory.VolunteerView::name)
                .orElse(text.of("care.referral.colleague"));
        referrals.refer(new Referrals.Person(event.communityId(), null, event.userId(), name),
                Referrals.Source.WELLBEING, null, null, "HIGH".equals(event.risk()), null,
                text.of("care.referral.source.wellbeing"), "wellbeing:" + event.checkInId());
    }
}
