package org.roundtable.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The embedded issuer's signing key")
class IssuerKeyStoreTest {

    @TempDir
    Path directory;

    @Test
    void survives_a_restart() {
        Path file = directory.resolve("nested/issuer-key.json");

        RSAKey first = IssuerKeyStore.loadOrCreate(file);
        RSAKey second = IssuerKeyStore.loadOrCreate(file);

        assertThat(file).exists();
        assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
        assertThat(second.getModulus()).isEqualTo(first.getModulus());
        assertThat(second.isPrivate()).isTrue();
    }

    @Test
    void an_unreadable_key_file_stops_the_start_instead_of_replacing_the_key() throws Exception {
        Path file = directory.resolve("issuer-key.json");
        Files.writeString(file, "not a key");

        assertThatThrownBy(() -> IssuerKeyStore.loadOrCreate(file)).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).isEqualTo("not a key");
    }
}
