package org.liandong.platform.web;

import org.liandong.platform.InvalidValueException;
import org.liandong.platform.LocalisedText;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The shape of every form post that acts and goes back: do it, say "done" (a message key) or why not (localised), and go back to
 * the page. A refused input changes nothing, because the action throws before it writes.
 */
@Component
public class FormPost {

    private final LocalisedText text;

    FormPost(LocalisedText text) {
        this.text = text;
    }

    public String run(RedirectAttributes redirect, String okKey, String back, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("ok", okKey);
        } catch (InvalidValueException e) {
            redirect.addFlashAttribute("problem", text.of(e));
        }
        return "redirect:" + back;
    }
}
