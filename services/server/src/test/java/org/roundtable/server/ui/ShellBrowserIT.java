package org.roundtable.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@DisplayName("The web interface's shell")
class ShellBrowserIT extends BrowserTest {

    @Test
    @DisplayName("a staff member signs in through the issuer and sees their agency, name and language in the header")
    void signInShowsTenantUserAndLanguage() {
        signIn("kent-staff", "/app");
        assertThat(text(By.cssSelector(".who .tenant"))).isNotBlank();
        assertThat(text(By.cssSelector(".who .user"))).isEqualTo("kent-staff");
        assertThat(browser.findElement(By.cssSelector(".languages a[aria-current=true]")).getText()).isEqualTo("English");
        assertThat(browser.findElements(By.cssSelector(".main-nav a[href='/app/audit']"))).isEmpty();
        assertNoMissingKeys();
        screenshot("home-staff");
    }

    @Test
    @DisplayName("German and simple German render the start page without a missing label, and the choice is kept")
    void germanAndSimpleGerman() {
        signIn("krefeld-admin", "/app");
        language("de");
        assertThat(text(By.tagName("h1"))).startsWith("Willkommen");
        assertNoMissingKeys();
        open("/app");
        assertThat(browser.findElement(By.cssSelector("html")).getAttribute("lang")).isEqualTo("de");
        language("de-simple");
        assertThat(pageText()).contains("Hier tragen Sie ein");
        assertNoMissingKeys();
    }

    @Test
    @DisplayName("a page that does not exist answers the not-found page, and signing out ends the session")
    void notFoundAndSignOut() {
        signIn("darmstadt-auditor", "/app");
        open("/app/no-such-page");
        assertThat(pageText()).contains("Page not found");
        open("/app");
        browser.findElement(By.cssSelector(".who button[type=submit]")).click();
        waitFor(By.tagName("h1"));
        assertThat(browser.getCurrentUrl()).endsWith("/signed-out");
        open("/app");
        waitFor(By.id("username"));
    }
}
