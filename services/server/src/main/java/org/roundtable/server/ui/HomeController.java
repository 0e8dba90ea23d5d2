package org.roundtable.server.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: what each role does first, and where to find it. */
@Controller
public class HomeController {

    @GetMapping("/")
    String root() {
        return "redirect:/app";
    }

    @GetMapping("/app")
    String home() {
        return "ui/home";
    }

    /** Any other page under {@code /app} does not exist: the same not-found page as another agency's. */
    @GetMapping("/app/**")
    String unknown() {
        throw org.roundtable.kernel.DomainException.notFound("page");
    }

    /** Shown after signing out; it needs no session. */
    @GetMapping("/signed-out")
    String signedOut() {
        return "ui/signed-out";
    }
}
