package org.liandong.supply.web;

import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.liandong.supply.Reservation;
import org.liandong.supply.SupplyRound;
import org.springframework.ui.Model;

/** What the pickup page says about a genuine code that cannot be handed out (used, returned, for delivery). */
final class SupplyDeskPages {

    private SupplyDeskPages() {
    }

    static void refusal(Reservation r, Model model, LocalisedText text) {
        var key = switch (r.status()) {
            case COLLECTED -> new InvalidValueException("supply.pickup.already", SupplyRound.display(r.handedAt()));
            case RETURNED -> new InvalidValueException("supply.pickup.returned");
            case TO_DELIVER, DELIVERED -> new InvalidValueException("supply.pickup.for-delivery");
            case REGISTERED -> new InvalidValueException("supply.pickup.not-drawn-yet");
            case NOT_DRAWN -> new InvalidValueException("supply.pickup.not-drawn");
            case RESERVED -> null;
        };
        if (key != null) {
            model.addAttribute("refusal", text.of(key));
        }
    }
}
