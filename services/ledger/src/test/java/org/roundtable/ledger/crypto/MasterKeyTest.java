package org.roundtable.ledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void readsA32ByteKeyFromBase64() {
        byte[] raw = new byte[32];
        raw[0] = 7;

        MasterKey key = MasterKey.fromBase64(" " + Base64.getEncoder().encodeToString(raw) + "\n");

        assertThat(key.secretKey().getEncoded()).isEqualTo(raw);
    }

    @Test
    void rejectsKeysOfTheWrongLengthOrEncodingWithoutQuotingThem() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> MasterKey.fromBase64(shortKey)).hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> MasterKey.fromBase64("not base64 !")).hasMessageContaining("Base64").hasMessageNotContaining("not base64");
        assertThatThrownBy(() -> MasterKey.fromBase64("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createsAnOwnerOnlyKeyFileOnceAndReadsItBackAfterwards() throws Exception {
        Path file = dir.resolve("keys/master.key");

        MasterKey created = MasterKey.loadOrCreate(file);
        MasterKey loaded = MasterKey.loadOrCreate(file);

        assertThat(loaded.secretKey().getEncoded()).isEqualTo(created.secretKey().getEncoded());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void neverPrintsTheKey() {
        MasterKey key = MasterKey.generate();

        assertThat(key.toString()).doesNotContain(key.toBase64()).contains("redacted");
    }
}
