package org.liandong.account.web;

import org.liandong.platform.LiandongUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal Object principal) {
        return principal instanceof LiandongUser ? "redirect:/" : "account/login";
    }
}
