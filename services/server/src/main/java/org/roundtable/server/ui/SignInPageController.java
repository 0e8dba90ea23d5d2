package org.roundtable.server.ui;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded issuer's sign-in page, in the interface's look and language. */
@Controller
@ConditionalOnProperty(name = "roundtable.security.mode", havingValue = "embedded", matchIfMissing = true)
public class SignInPageController {

    @GetMapping("/login")
    String signIn() {
        return "ui/sign-in";
    }
}
