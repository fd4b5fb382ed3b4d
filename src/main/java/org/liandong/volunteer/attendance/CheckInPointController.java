package org.liandong.volunteer.attendance;

import java.util.UUID;
import org.liandong.community.Places;
import org.liandong.platform.LiandongUser;
import org.liandong.volunteer.QrCode;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Staff show or print a post's check-in QR code for today and see who of today's roster has checked in. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class CheckInPointController {

    private final CheckIns checkIns;
    private final Places places;

    CheckInPointController(CheckIns checkIns, Places places) {
        this.checkIns = checkIns;
        this.places = places;
    }

    @GetMapping("/volunteer/checkin-points")
    String list(@AuthenticationPrincipal LiandongUser me, Model model) {
        var communities = places.communities(me.scope());
        model.addAttribute("points", checkIns.points(me.scope()));
        model.addAttribute("communities", communities);
        model.addAttribute("communityNames", communities.stream().collect(java.util.stream.Collectors.toMap(
                Places.CommunityView::id, Places.CommunityView::name)));
        return "volunteer/attendance/points";
    }

    @GetMapping("/volunteer/checkin-points/{id}")
    String show(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id, Model model) {
        var point = checkIns.point(me.scope(), id);
        model.addAttribute("point", point);
        model.addAttribute("community", places.community(point.communityId()).map(Places.CommunityView::name)
                .orElse(point.communityId()));
        model.addAttribute("today", checkIns.today());
        model.addAttribute("url", absolute(checkIns.todaysPath(point)));
        model.addAttribute("duty", checkIns.dutyToday(point));
        return "volunteer/attendance/point";
    }

    @GetMapping(value = "/volunteer/checkin-points/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qr(@AuthenticationPrincipal LiandongUser me, @PathVariable UUID id) {
        var point = checkIns.point(me.scope(), id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(QrCode.png(absolute(checkIns.todaysPath(point)), 600));
    }

    private static String absolute(String pathAndQuery) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() + pathAndQuery;
    }
}
